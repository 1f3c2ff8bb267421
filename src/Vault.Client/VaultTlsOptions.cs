namespace ConfigCluster.Vault.Client;

/// <summary>
/// How the client checks Vault's TLS certificate and proves itself, with the meanings Vault's own CLI gives the
/// variables: <c>VAULT_CACERT</c> (a PEM file of the CA certificates to trust instead of the system's),
/// <c>VAULT_CAPATH</c> (a directory of such PEM files), <c>VAULT_CLIENT_CERT</c> and <c>VAULT_CLIENT_KEY</c> (PEM files
/// of a client certificate and its key, for Vault's cert auth or a listener that requires one),
/// <c>VAULT_TLS_SERVER_NAME</c> (the name to send as SNI and to find in Vault's certificate) and
/// <c>VAULT_SKIP_VERIFY</c> (trust any certificate: refused outside the Development environment).
/// </summary>
public sealed class VaultTlsOptions
{
    public string? CaCert { get; set; }

    public string? CaPath { get; set; }

    public string? ClientCert { get; set; }

    public string? ClientKey { get; set; }

    public string? ServerName { get; set; }

    public bool SkipVerify { get; set; }

    /// <summary>True when a CA file or directory replaces the system's trust.</summary>
    public bool HasCustomCa => !string.IsNullOrEmpty(CaCert) || !string.IsNullOrEmpty(CaPath);

    public override string ToString() =>
        $"{{ CaCert = {CaCert ?? "(none)"}, CaPath = {CaPath ?? "(none)"}, ClientCert = {ClientCert ?? "(none)"}, " +
        $"ServerName = {ServerName ?? "(none)"}, SkipVerify = {SkipVerify} }}";
}
