namespace ConfigCluster.Grains.Interfaces.Status;

public enum DependencyState
{
    /// <summary>Not configured in this deployment.</summary>
    Disabled = 0,
    Up = 1,
    Down = 2,
}
