namespace ConfigCluster.Ports;

/// <summary>What the config store answered, in the grain's terms (not Vault's).</summary>
public enum StoreOutcome
{
    Ok = 0,

    /// <summary>No such config, or the requested version is gone (deleted, destroyed or pruned).</summary>
    NotFound = 1,

    /// <summary>The version the caller expected is not the store's current version.</summary>
    Conflict = 2,

    /// <summary>The store did not answer, is sealed, or refused our credentials.</summary>
    Unavailable = 3,

    /// <summary>A secret exists at the path but is not a config (no string <c>value</c>).</summary>
    NotAConfig = 4,

    /// <summary>
    /// The store did not answer a write (a timeout, a connection lost mid-request): the write may or
    /// may not have happened. Otherwise like <see cref="Unavailable"/>.
    /// </summary>
    Indeterminate = 5,
}
