namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>The probes ask the health endpoints the app maps (src/Hosting/Health/HealthEndpoints.cs), on the named http port.</summary>
public sealed class ProbeTests
{
    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void StartupAndReadinessProbesAskTheAppsReadyEndpoint(string component)
    {
        var context = ComponentContext.For(component);
        var ready = context.App.Sources.StringConstant("ReadyPath");

        AssertHttpProbe(context.Container.StartupProbe, ready, "startupProbe");
        AssertHttpProbe(context.Container.ReadinessProbe, ready, "readinessProbe");
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void LivenessProbeAsksTheAppsLiveEndpoint(string component)
    {
        var context = ComponentContext.For(component);

        AssertHttpProbe(context.Container.LivenessProbe, context.App.Sources.StringConstant("LivePath"), "livenessProbe");
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void TheAppMapsTheHealthEndpointsItsProbesAsk(string component)
    {
        var app = Component.Named(component).App;

        Assert.True(app.OwnSources.Mentions(".MapSiloHealth()"), $"{app.ProjectPath} does not call MapSiloHealth().");
        Assert.True(app.Sources.Mentions("MapHealthChecks(LivePath") && app.Sources.Mentions("MapHealthChecks(ReadyPath"),
            "HealthEndpoints.MapSiloHealth no longer maps LivePath and ReadyPath.");
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void StartupProbeGivesTheSiloAtLeastAMinuteToJoinTheCluster(string component)
    {
        var probe = ComponentContext.For(component).Container.StartupProbe;

        Assert.True((probe.PeriodSeconds ?? 10) * (probe.FailureThreshold ?? 3) >= 60,
            "Migrations and joining the cluster need more than the startup probe allows.");
    }

    private static void AssertHttpProbe(V1Probe? probe, string path, string what)
    {
        Assert.True(probe?.HttpGet is not null, $"No HTTP {what}.");
        Assert.Equal(path, probe.HttpGet.Path);
        Assert.Equal("http", probe.HttpGet.Port.Value);
    }
}
