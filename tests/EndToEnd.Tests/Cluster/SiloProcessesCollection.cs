namespace ConfigCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// The multi-process cluster tests run one class at a time: several silos starting at once on a 2-core
/// machine would starve each other's membership probes and turn a slow machine into a false death.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessesCollection
{
    public const string Name = "silo processes";
}
