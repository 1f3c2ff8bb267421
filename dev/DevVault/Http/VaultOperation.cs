namespace ConfigCluster.DevVault.Http;

/// <summary>Vault's logical operations (create and update are one here: POST/PUT).</summary>
internal enum VaultOperation
{
    Read,
    List,
    Update,
    Delete,
    Patch,
}
