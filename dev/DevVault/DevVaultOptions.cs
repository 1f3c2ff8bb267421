namespace ConfigCluster.DevVault;

/// <summary>How to start the dev Vault; defaults match <c>vault server -dev</c>.</summary>
public sealed class DevVaultOptions
{
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="DevVaultServer.Address"/>).</summary>
    public int Port { get; set; } = 8200;

    public string RootToken { get; set; } = "root";

    /// <summary>KV mounts; by default KV v2 at <c>secret/</c>.</summary>
    public IList<DevVaultMount> Mounts { get; } = [new DevVaultMount("secret", 2)];
}
