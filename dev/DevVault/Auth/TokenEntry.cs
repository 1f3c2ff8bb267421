namespace ConfigCluster.DevVault.Auth;

/// <summary>A token Vault knows, with the fields auth/token/lookup-self reports.</summary>
internal sealed record TokenEntry(
    string Id,
    string Accessor,
    DevVaultPolicy Policy,
    string DisplayName,
    string CreationPath,
    long CreationTime,
    bool Orphan)
{
    public IReadOnlyList<string> Policies => Policy switch
    {
        DevVaultPolicy.AllowAll => ["root"],
        DevVaultPolicy.ReadOnly => ["default", "read-only"],
        _ => ["default"],
    };
}
