namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// One deployable role of ConfigCluster: the app project it runs, its Dockerfile and its Deployment,
/// tied together by the label <c>app.kubernetes.io/component</c>.
/// </summary>
internal sealed record Component(string Name, string ProjectPath, string DockerfilePath, string DeploymentName, string Image)
{
    public const string Label = "app.kubernetes.io/component";

    public static readonly Component Gateway = new(
        "gateway", "src/Gateway/Gateway.csproj", "deploy/docker/gateway.Dockerfile", "configcluster-gateway", "configcluster/gateway");

    public static readonly Component Silo = new(
        "silo", "src/Silo/Silo.csproj", "deploy/docker/silo.Dockerfile", "configcluster-silo", "configcluster/silo");

    public static IReadOnlyList<Component> All { get; } = [Gateway, Silo];

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public AppProject App => AppProject.Load(ProjectPath);

    public static Component Named(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new InvalidOperationException($"No component named {name}.");

    /// <summary>The component a Deployment runs, from its pod template's component label.</summary>
    public static Component Of(V1Deployment deployment)
    {
        var labels = deployment.Spec.Template.Metadata.Labels;
        Assert.True(labels is not null && labels.TryGetValue(Label, out _),
            $"Deployment {deployment.Name()} has no {Label} label on its pod template.");
        return Named(labels[Label]);
    }
}
