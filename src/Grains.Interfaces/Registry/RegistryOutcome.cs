namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>How a registry operation ended.</summary>
public enum RegistryOutcome
{
    Ok = 0,
    Created = 1,
    Deleted = 2,
    NotFound = 3,
    Invalid = 4,
    Unavailable = 5,
}
