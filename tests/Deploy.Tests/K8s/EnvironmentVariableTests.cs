using System.Globalization;

namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// Every variable a pod gets (its env and its ConfigMap) is one the app reads: <c>Section__Property</c> of an
/// options class in the app's source, <c>ConnectionStrings__Name</c> the app asks for, or an entry of
/// <see cref="FlatVariableAllowList"/>, itself checked against who reads it.
/// </summary>
public sealed class EnvironmentVariableTests
{
    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void EveryVariableThePodGetsIsReadByTheApp(string component)
    {
        var (_, _, app, environment) = ComponentContext.For(component);

        var unread = environment.Variables
            .Select(v => (v.Name, v.Origin, Problem: WhyNotRead(app, v.Name)))
            .Where(v => v.Problem is not null)
            .Select(v => $"{v.Name} ({v.Origin}): {v.Problem}")
            .ToList();

        Assert.True(unread.Count == 0, $"{app.ProjectPath} reads none of:\n" + string.Join("\n", unread));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void EveryOptionsValueThePodGetsParsesAsItsPropertyType(string component)
    {
        var (_, _, app, environment) = ComponentContext.For(component);

        // Names the app does not read are EveryVariableThePodGetsIsReadByTheApp's failures, not this test's.
        foreach (var variable in environment.Variables.Where(v => v.IsLiteral && IsOptionsKey(v.Name) && WhyNotRead(app, v.Name) is null))
        {
            var parts = variable.Name.Split("__");
            var type = app.Sources.Section(parts[0])!.Properties[parts[1]];
            Assert.True(Parses(app, type, variable.Value ?? string.Empty),
                $"{variable.Name}='{variable.Value}' ({variable.Origin}) is not a valid {type}.");
        }
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void EveryAllowListedVariableIsReadByWhoTheAllowListSays(string component)
    {
        var app = Component.Named(component).App;

        Assert.All(FlatVariableAllowList.Entries, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason), $"{entry.Name} has no reason.");
            Assert.True(IsReadAsListed(app, entry), $"{entry.Name}: {app.ProjectPath} is not read by {entry.ReadBy}.");
        });
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void EveryConnectionStringTheAppReadsIsProvided(string component)
    {
        var (_, _, app, environment) = ComponentContext.For(component);

        Assert.All(app.Sources.ConnectionStringNames, name =>
            Assert.Contains(environment.Variables, v => string.Equals(v.Name, $"ConnectionStrings__{name}", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodTakesTheSharedSettingsFromTheConfigMapAndSetsNothingTwice(string component)
    {
        var (_, deployment, _, environment) = ComponentContext.For(component);

        Assert.Contains(deployment.Container().EnvFrom, e => e.ConfigMapRef?.Name == DeployPaths.SettingsConfigMap);
        var twice = environment.Variables.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(twice);
    }

    private static bool IsOptionsKey(string name) =>
        name.Contains("__", StringComparison.Ordinal) && !name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase);

    private static string? WhyNotRead(AppProject app, string name)
    {
        if (name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase))
        {
            var connection = name["ConnectionStrings__".Length..];
            return app.Sources.ConnectionStringNames.Contains(connection) ? null
                : $"no GetConnectionString(\"{connection}\") or ConnectionStringName = \"{connection}\" in the source";
        }

        if (IsOptionsKey(name))
        {
            var parts = name.Split("__");
            var section = app.Sources.Section(parts[0]);
            return section is null ? $"no options class with SectionName = \"{parts[0]}\""
                : section.Properties.ContainsKey(parts[1]) ? null
                : $"{section.ClassName} has no settable property {parts[1]}";
        }

        return FlatVariableAllowList.Find(name) is null ? "neither Section__Key nor in FlatVariableAllowList" : null;
    }

    private static bool IsReadAsListed(AppProject app, FlatVariable entry) => entry.ReadBy switch
    {
        FlatVariableReader.AppSource => app.Sources.HasLiteral(entry.Name),
        FlatVariableReader.OrleansKubernetesHosting =>
            app.PackageReferences.Contains("Microsoft.Orleans.Hosting.Kubernetes") && app.Sources.Mentions(".UseKubernetesHosting("),
        FlatVariableReader.AspNetCoreHost => app.Sdk == "Microsoft.NET.Sdk.Web",
        FlatVariableReader.DotNetHost => app.Sdk.StartsWith("Microsoft.NET.Sdk", StringComparison.Ordinal),
        _ => false,
    };

    private static bool Parses(AppProject app, string type, string value) => type.TrimEnd('?') switch
    {
        "int" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "long" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "bool" => bool.TryParse(value, out _),
        "TimeSpan" => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _),
        "Uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "string" => true,
        var other => app.Sources.EnumMembers(other).Contains(value),
    };
}
