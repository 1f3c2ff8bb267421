namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// How an instance's health is known: <see cref="Ttl"/>, the instance sends heartbeats; <see cref="Http"/>, a GET of
/// a path on its own address and port; <see cref="Tcp"/>, a connection to its own address and port.
/// </summary>
public enum RegistryCheckType
{
    Ttl = 0,
    Http = 1,
    Tcp = 2,
}
