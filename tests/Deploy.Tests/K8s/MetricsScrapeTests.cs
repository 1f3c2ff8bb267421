using System.Globalization;

namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>The scrape annotations name the metrics endpoint the app maps (src/Hosting/MetricsEndpoint.cs) on its http port.</summary>
public sealed class MetricsScrapeTests
{
    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ScrapeAnnotationsPointAtTheAppsMetricsEndpointOnTheHttpPort(string component)
    {
        var context = ComponentContext.For(component);
        var annotations = context.Deployment.Spec.Template.Metadata.Annotations ?? new Dictionary<string, string>();

        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(context.App.Sources.StringConstant("MetricsPath"), annotations["prometheus.io/path"]);
        Assert.Equal(context.Deployment.Port("http").ToString(CultureInfo.InvariantCulture), annotations["prometheus.io/port"]);
        Assert.True(context.App.OwnSources.Mentions(".MapSiloMetrics()"), $"{context.App.ProjectPath} does not call MapSiloMetrics().");
    }
}
