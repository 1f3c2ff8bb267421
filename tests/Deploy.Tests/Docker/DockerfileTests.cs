using System.Globalization;

namespace ConfigCluster.Deploy.Tests.Docker;

/// <summary>
/// The Dockerfiles cannot be built here (no Docker engine), so their text is checked against the code: the
/// projects restore needs, the assembly to start, the ports the Deployments open, the user the pods run as.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string[] CentralFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];
    private static readonly string[] AppUsers = ["$APP_UID", "${APP_UID}", "1654", "app"];

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ImageBuildsOnTheDotnet10SdkAndRunsOnAspNetCore10(string component)
    {
        var dockerfile = Dockerfile.Load(Component.Named(component).DockerfilePath);

        Assert.Equal(2, dockerfile.Stages.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.Stages[0].Words[0]);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.Stages[^1].Words[0]);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void RestoreSeesTheCentralPropsAndEveryProjectTheAppReferences(string component)
    {
        var (dockerfile, app) = Load(component);
        var restore = dockerfile.Instructions.First(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        var copiedBefore = dockerfile.Of("COPY")
            .Where(i => i.Stage == restore.Stage && i.Index < restore.Index)
            .SelectMany(i => i.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(CentralFiles.Concat(app.Closure), file => Assert.Contains(file, copiedBefore));
        Assert.Contains(app.ProjectPath, restore.Words);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ImagePublishesTheAppInRelease(string component)
    {
        var (dockerfile, app) = Load(component);

        var publish = Assert.Single(dockerfile.Of("RUN"), i => i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.Contains(app.ProjectPath, publish.Words);
        Assert.Contains("-c Release", publish.Arguments, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ImageStartsTheAppsAssemblyWithDotnet(string component)
    {
        var (dockerfile, app) = Load(component);

        Assert.Equal(["dotnet", $"{app.AssemblyName}.dll"], dockerfile.Entrypoint());
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ImageRunsAsTheNonRootAppUserThePodsExpect(string component)
    {
        var dockerfile = Dockerfile.Load(Component.Named(component).DockerfilePath);

        var user = dockerfile.Of("USER").LastOrDefault(i => i.Stage == dockerfile.FinalStage);

        Assert.True(user is not null, $"{dockerfile.Path} runs as root: no USER in the final stage.");
        Assert.Contains(user.Arguments, AppUsers);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ImageExposesThePortsItsDeploymentOpens(string component)
    {
        var dockerfile = Dockerfile.Load(Component.Named(component).DockerfilePath);
        var deployment = ComponentContext.For(component).Deployment;

        var exposed = dockerfile.Of("EXPOSE").SelectMany(i => i.Words).Select(w => w.Split('/')[0]).Order(StringComparer.Ordinal);

        Assert.Equal(deployment.Container().Ports.Select(p => p.ContainerPort.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal), exposed);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ImageBakesInNoSecret(string component)
    {
        var dockerfile = Dockerfile.Load(Component.Named(component).DockerfilePath);

        Assert.All(dockerfile.Of("ENV").Concat(dockerfile.Of("ARG")), i =>
        {
            var name = i.Words[0].Split('=')[0];
            Assert.False(SecretHeuristics.IsSecretName(name), $"{dockerfile.Path}: {i.Keyword} {name} would bake a credential into the image.");
            Assert.True(SecretHeuristics.WhyValueLooksSecret(i.Arguments) is null, $"{dockerfile.Path}: {i.Keyword} {i.Arguments} looks like a secret.");
        });
        Assert.DoesNotContain(dockerfile.Of("COPY"), i => i.Arguments.Contains(".env", StringComparison.Ordinal));
    }

    [Fact]
    public void DockerIgnoreKeepsBuildOutputRunStateAndGitOutOfTheContext()
    {
        var patterns = RepoRoot.ReadText(DeployPaths.DockerIgnore).Split('\n').Select(l => l.Trim().TrimEnd('/')).ToHashSet(StringComparer.Ordinal);

        Assert.All(new[] { "**/bin", "**/obj", ".run", ".git" }, pattern => Assert.Contains(pattern, patterns));
    }

    private static (Dockerfile Dockerfile, AppProject App) Load(string component) =>
        (Dockerfile.Load(Component.Named(component).DockerfilePath), Component.Named(component).App);
}
