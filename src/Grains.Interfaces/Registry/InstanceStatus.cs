namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>An instance's health, as its check last decided (Consul's words).</summary>
public enum InstanceStatus
{
    Passing = 0,
    Warning = 1,
    Critical = 2,
}
