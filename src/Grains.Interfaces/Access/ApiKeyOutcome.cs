namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>The expected outcomes of a key operation; each maps to one HTTP status at the edge.</summary>
public enum ApiKeyOutcome
{
    Ok = 0,
    Created = 1,
    NotFound = 2,

    /// <summary>The key store (PostgreSQL) cannot be reached, or none is configured: nothing changed.</summary>
    Unavailable = 3,
}
