namespace ConfigCluster.Gateway.LegacyMigration;

/// <summary>What the migration does with one legacy row.</summary>
public enum RowAction
{
    /// <summary>Not in Vault: create it.</summary>
    Create = 0,

    /// <summary>In Vault with the same value and encryption flag: nothing to do.</summary>
    Unchanged = 1,

    /// <summary>In Vault with another value or encryption flag: never overwritten, reported.</summary>
    Conflict = 2,

    /// <summary>A name or the value breaks the service's rules: reported with the reason.</summary>
    Invalid = 3,
}
