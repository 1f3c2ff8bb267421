using System.Globalization;
using System.Text.RegularExpressions;

namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// The container ports are the ports the app listens on: the Cluster section's SiloPort and GatewayPort as
/// the pod's environment and the app's appsettings.json set them, and the port of the app's Urls.
/// </summary>
public sealed partial class PortTests
{
    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodOpensTheSiloAndGatewayPortsItsAppIsConfiguredWith(string component)
    {
        var (_, deployment, app, environment) = ComponentContext.For(component);

        Assert.Equal(ConfiguredPort(app, environment, "SiloPort"), deployment.Port("silo"));
        Assert.Equal(ConfiguredPort(app, environment, "GatewayPort"), deployment.Port("gateway"));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodUsesTheDefaultOrleansPortsOfClusterHostingOptions(string component)
    {
        var (_, deployment, app, _) = ComponentContext.For(component);

        Assert.Equal(CodeDefault(app, "SiloPort"), deployment.Port("silo"));
        Assert.Equal(CodeDefault(app, "GatewayPort"), deployment.Port("gateway"));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void HttpPortIsThePortOfTheAppsUrls(string component)
    {
        var (_, deployment, app, environment) = ComponentContext.For(component);
        var urls = environment.Literal("ASPNETCORE_URLS") ?? environment.Setting(app, "Urls");

        Assert.NotNull(urls);
        var port = UrlPort().Match(urls);
        Assert.True(port.Success && !urls.Contains(';', StringComparison.Ordinal), $"Expected one http URL with a port, got '{urls}'.");
        Assert.Equal(int.Parse(port.Groups["port"].Value, CultureInfo.InvariantCulture), deployment.Port("http"));
    }

    [Fact]
    public void GatewayServesTheRestApiOnPort8082()
    {
        var service = ManifestSet.Files.Single<V1Service>(Component.Gateway.DeploymentName);

        Assert.Equal(8082, ManifestSet.Files.DeploymentOf(Component.Gateway).Port("http"));
        Assert.Contains(service.Spec.Ports, p => p.Port == 8082 && p.TargetPort.Value == "http");
        Assert.Contains(service.Spec.Ports, p => p.Port == 30000 && p.TargetPort.Value == "gateway");
    }

    [Fact]
    public void EveryServiceSelectsOneDeploymentAndTargetsPortsItsPodsOpen()
    {
        foreach (var service in ManifestSet.Files.Services)
        {
            var deployment = Assert.Single(ManifestSet.Files.Deployments,
                d => DeploymentExtensions.Selects(service.Spec.Selector, d.TemplateLabels()));
            foreach (var port in service.Spec.Ports)
            {
                var target = port.TargetPort?.Value ?? port.Port.ToString(CultureInfo.InvariantCulture);
                var opened = deployment.Container().Ports.SingleOrDefault(p => p.Name == target
                    || p.ContainerPort.ToString(CultureInfo.InvariantCulture) == target);
                Assert.True(opened is not null, $"Service {service.Name()} port {port.Name} targets '{target}', which {deployment.Name()} does not open.");
                Assert.Equal(port.Port, opened.ContainerPort);
            }
        }
    }

    private static int ConfiguredPort(AppProject app, ContainerEnvironment environment, string property) =>
        environment.Setting(app, $"Cluster:{property}") is { } configured
            ? int.Parse(configured, CultureInfo.InvariantCulture)
            : CodeDefault(app, property);

    private static int CodeDefault(AppProject app, string property) =>
        int.Parse(app.Sources.PropertyDefault("ClusterHostingOptions", property), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^https?://[^/]+:(?<port>\d+)/?$")]
    private static partial Regex UrlPort();
}
