namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>One <see cref="VaultTargetFixture"/> (one server, one key prefix) shared by the integration test classes.</summary>
[CollectionDefinition(Name)]
public sealed class VaultTargetCollection : ICollectionFixture<VaultTargetFixture>
{
    public const string Name = "Vault target";
}
