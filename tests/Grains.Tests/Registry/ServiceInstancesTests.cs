using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Grains.Registry;

namespace ConfigCluster.Grains.Tests.Registry;

public sealed class ServiceInstancesTests
{
    private static RegistryInstance Instance(string id, long index, InstanceStatus status = InstanceStatus.Passing) =>
        new("prod", "api", id, new InstanceRegistration("10.1.2.3", 8080, "http", new Dictionary<string, string>(), [], 1,
            new RegistryCheck(RegistryCheckType.Ttl, Ttl: TimeSpan.FromSeconds(15)), TimeSpan.FromMinutes(1)),
            status, "", DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, index);

    [Fact]
    public void InstancesAreHeldInIdOrderAndTheIndexIsTheNewestChange()
    {
        var held = ServiceInstances.Of("api", 0, []).With(Instance("b", 3)).With(Instance("a", 5)).With(Instance("c", 4));

        Assert.Equal(["a", "b", "c"], held.Instances.Select(i => i.InstanceId));
        Assert.Equal(5, held.Index);
    }

    [Fact]
    public void AnOlderCopyOfAnInstanceDoesNotReplaceANewerOne()
    {
        var held = ServiceInstances.Of("api", 0, []).With(Instance("a", 7, InstanceStatus.Critical));

        var after = held.With(Instance("a", 6, InstanceStatus.Passing));

        Assert.Same(held, after);
        Assert.Equal(InstanceStatus.Critical, after.Instances[0].Status);
    }

    [Fact]
    public void ARemovalMovesTheIndexButNotPastANewerRegistration()
    {
        var held = ServiceInstances.Of("api", 0, []).With(Instance("a", 7));

        var stale = held.Without("a", 6);
        var removed = held.Without("a", 8);

        Assert.Single(stale.Instances);
        Assert.Empty(removed.Instances);
        Assert.Equal(8, removed.Index);
    }

    [Fact]
    public void AServiceWithoutInstancesKeepsItsIndexInTheEnvironment()
    {
        var registry = EnvironmentRegistry.Of("prod", [Instance("a", 3)], new Dictionary<string, long> { ["api"] = 3, ["gone"] = 9 });

        Assert.Equal(9, registry.Service("gone").Index);
        Assert.Empty(registry.Service("gone").Instances);
        Assert.Equal(0, registry.Service("never").Index);
    }
}
