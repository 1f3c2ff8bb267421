using ConfigCluster.Grains.Config;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Grains.Tests.Config;

/// <summary>The silo-side references to config grains that skip Orleans' per-call interface lookup.</summary>
public sealed class ConfigGrainReferencesTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task ReferenceFromTheSiloReachesTheGrainThatGetConfigGrainReaches()
    {
        var address = TestChanges.NewAddress();
        await fixture.Grain(address).CreateAsync(TestChanges.Of("value"));
        var silo = fixture.Cluster.Silos[0].SiloAddress;
        var references = fixture.Cluster.GetSiloServiceProvider(silo).GetRequiredService<ConfigGrainReferences>();

        var reference = references.Get(address);

        Assert.Equal(fixture.Grain(address).GetGrainId(), reference.GetGrainId());
        Assert.Equal("value", (await reference.GetAsync()).Entry?.Value);
        Assert.NotEqual(reference.GetGrainId(), references.Get(address with { Key = "other" }).GetGrainId());
    }
}
