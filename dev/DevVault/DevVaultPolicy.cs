namespace ConfigCluster.DevVault;

/// <summary>What an extra test token may do.</summary>
public enum DevVaultPolicy
{
    /// <summary>Everything, like the root token.</summary>
    AllowAll,

    /// <summary>Nothing except what Vault's default policy grants (auth/token/lookup-self).</summary>
    DenyAll,

    /// <summary>Read and list operations on every path.</summary>
    ReadOnly,
}
