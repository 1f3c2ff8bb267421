namespace ConfigCluster.Vault.Client;

/// <summary>
/// Where and how to reach Vault. Bound from the configuration section <see cref="SectionName"/> and the
/// flat variables <c>VAULT_ADDR</c>, <c>VAULT_TOKEN</c>, <c>VAULT_MOUNT_POINT</c>, <c>VAULT_KV_VERSION</c>
/// (flat ones win); see <c>services.AddVaultClient()</c>.
/// </summary>
public sealed class VaultOptions
{
    public const string SectionName = "Vault";

    /// <summary>Vault's address without <c>/v1</c>, e.g. <c>https://vault.internal:8200</c>.</summary>
    public Uri Address { get; set; } = new("http://127.0.0.1:8200");

    /// <summary>Sent as <c>X-Vault-Token</c>. Never logged or printed.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// A file whose content is the token (<c>VAULT_TOKEN_FILE</c>, e.g. a Vault Agent sink), read again when it
    /// changes; instead of <see cref="Token"/>.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>The KV mount, possibly multi-segment (<c>team/kv</c>); surrounding slashes are ignored.</summary>
    public string MountPoint { get; set; } = "secret";

    /// <summary>1 or 2: which KV engine version the mount runs.</summary>
    public int KvVersion { get; set; } = 2;

    /// <summary>Budget for one client call, retries included; exceeding it yields <see cref="VaultOutcome.Unavailable"/>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Enterprise namespace, sent as <c>X-Vault-Namespace</c> only when set.</summary>
    public string? Namespace { get; set; }

    /// <summary>How the client gets its token: given (<see cref="Token"/>, <see cref="TokenFile"/>), AppRole or Kubernetes login.</summary>
    public VaultAuthOptions Auth { get; set; } = new();

    /// <summary>TLS to Vault: its CA, a client certificate, the server name (section <c>Vault:Tls</c>, or VAULT_CACERT, ...).</summary>
    public VaultTlsOptions Tls { get; set; } = new();

    public override string ToString() =>
        $"VaultOptions {{ Address = {Address}, MountPoint = {MountPoint}, KvVersion = {KvVersion}, " +
        $"Timeout = {Timeout}, Namespace = {Namespace ?? "(none)"}, Tls = {Tls}, Token = {(string.IsNullOrEmpty(Token) ? "(empty)" : "(set)")}, TokenFile = {TokenFile ?? "(none)"}, Auth = {Auth} }}";
}
