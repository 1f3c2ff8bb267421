namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>Test classes in this collection share one <see cref="SharedVault"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedVaultCollection : ICollectionFixture<SharedVault>
{
    public const string Name = "shared vault";
}
