namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>Every Deployment is production-shaped: resources, a restricted security context, safe rollouts and shutdowns.</summary>
public sealed class DeploymentShapeTests
{
    private const long AppUserId = 1654;

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ContainerRequestsAndLimitsCpuAndMemory(string component)
    {
        var resources = ComponentContext.For(component).Container.Resources;

        Assert.All(new[] { "cpu", "memory" }, name =>
        {
            Assert.True(resources?.Requests?.ContainsKey(name) == true, $"No {name} request.");
            Assert.True(resources.Limits?.ContainsKey(name) == true, $"No {name} limit.");
            Assert.True(resources.Requests[name].ToDecimal() <= resources.Limits[name].ToDecimal(), $"The {name} request exceeds the limit.");
        });
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ContainerRunsAsTheNonRootAppUserWithARestrictedSecurityContext(string component)
    {
        var context = ComponentContext.For(component);
        var pod = context.Deployment.Pod().SecurityContext ?? new V1PodSecurityContext();
        var container = context.Container.SecurityContext;

        Assert.NotNull(container);
        Assert.True(container.RunAsNonRoot ?? pod.RunAsNonRoot, "runAsNonRoot is not set.");
        Assert.Equal(AppUserId, container.RunAsUser ?? pod.RunAsUser);
        Assert.True(container.ReadOnlyRootFilesystem, "readOnlyRootFilesystem is not set.");
        Assert.False(container.AllowPrivilegeEscalation ?? true, "allowPrivilegeEscalation is not false.");
        Assert.Equal(["ALL"], container.Capabilities?.Drop ?? []);
        Assert.True(container.Capabilities?.Add is null or { Count: 0 }, "The container adds capabilities.");
        Assert.Equal("RuntimeDefault", (container.SeccompProfile ?? pod.SeccompProfile)?.Type);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ReadOnlyRootFilesystemLeavesTmpWritableOnAnEmptyDir(string component)
    {
        var context = ComponentContext.For(component);

        var mount = Assert.Single(context.Container.VolumeMounts ?? [], m => m.MountPath == "/tmp");
        var volume = Assert.Single(context.Deployment.Pod().Volumes ?? [], v => v.Name == mount.Name);
        Assert.NotNull(volume.EmptyDir);
        Assert.NotEqual(true, mount.ReadOnlyProperty);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void RolloutStartsTheNewPodBeforeStoppingAnOldOne(string component)
    {
        var strategy = ComponentContext.For(component).Deployment.Spec.Strategy;

        Assert.Equal("RollingUpdate", strategy?.Type);
        Assert.Equal("0", strategy?.RollingUpdate?.MaxUnavailable?.Value);
        Assert.Equal("1", strategy?.RollingUpdate?.MaxSurge?.Value);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void SiloGetsAtLeastSixtySecondsToLeaveTheClusterOnShutdown(string component)
    {
        Assert.True(ComponentContext.For(component).Deployment.Pod().TerminationGracePeriodSeconds >= 60);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void ContainerHasStartupReadinessAndLivenessProbes(string component)
    {
        var container = ComponentContext.For(component).Container;

        Assert.NotNull(container.StartupProbe);
        Assert.NotNull(container.ReadinessProbe);
        Assert.NotNull(container.LivenessProbe);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void DeploymentNamesItsServiceAccount(string component)
    {
        Assert.False(string.IsNullOrEmpty(ComponentContext.For(component).Deployment.Pod().ServiceAccountName));
    }
}
