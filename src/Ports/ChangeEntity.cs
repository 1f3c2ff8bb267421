namespace ConfigCluster.Ports;

/// <summary>
/// What a change in the one audit trail is about (decision 22). Each kind's events go to a topic of their own;
/// a config's address is its environment/service_name/key, another entity's its own id.
/// </summary>
public enum ChangeEntity
{
    Config = 0,
    ApiKey = 1,
    Flag = 2,

    /// <summary>A registered instance of the service registry: environment, service (as service_name) and instance id (as key).</summary>
    Instance = 3,
}
