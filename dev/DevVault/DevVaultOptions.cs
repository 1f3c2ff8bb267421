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

    /// <summary>
    /// A directory that keeps the state across restarts (like Vault's <c>file</c> storage backend): every
    /// change is journaled there before it is answered. Null (the default) keeps everything in memory.
    /// </summary>
    public string? StoragePath { get; set; }

    /// <summary>
    /// When set, serve HTTPS (like <c>vault server -dev -dev-tls -dev-tls-cert-dir DIR</c>): a CA and a server
    /// certificate are made at start and written to this directory (<c>vault-ca.pem</c> is the one clients pin).
    /// </summary>
    public string? TlsCertDirectory { get; set; }
}
