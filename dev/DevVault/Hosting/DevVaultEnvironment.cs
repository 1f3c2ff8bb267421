namespace ConfigCluster.DevVault.Hosting;

/// <summary>
/// Reads the same environment variables as <c>vault server -dev</c>, plus VAULT_DEV_STORAGE_PATH and
/// VAULT_DEV_TLS_CERT_DIR (serve HTTPS with certificates made there, as <c>-dev-tls-cert-dir</c>).
/// </summary>
internal static class DevVaultEnvironment
{
    public static DevVaultOptions ReadOptions()
    {
        string rootToken = Read("VAULT_DEV_ROOT_TOKEN_ID", "root");
        (string host, int port) = DevListenAddress.Parse(Read("VAULT_DEV_LISTEN_ADDRESS", "127.0.0.1:8200"));
        string? storagePath = Environment.GetEnvironmentVariable("VAULT_DEV_STORAGE_PATH") is { Length: > 0 } path ? path : null;
        string? tlsDirectory = Environment.GetEnvironmentVariable("VAULT_DEV_TLS_CERT_DIR") is { Length: > 0 } dir ? dir : null;
        return new DevVaultOptions { ListenAddress = host, Port = port, RootToken = rootToken, StoragePath = storagePath, TlsCertDirectory = tlsDirectory };
    }

    private static string Read(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
