namespace ConfigCluster.Vault.Client;

/// <summary>
/// How the client authenticates (section <c>Vault:Auth</c>, or the flat variables in brackets). With
/// <see cref="VaultAuthMethod.AppRole"/> or <see cref="VaultAuthMethod.Kubernetes"/> the client logs in itself, renews
/// its token at about two thirds of its TTL and logs in again when renewal is refused or the token's max TTL nears.
/// </summary>
public sealed class VaultAuthOptions
{
    public const string DefaultJwtFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary><c>VAULT_AUTH_METHOD</c>.</summary>
    public VaultAuthMethod Method { get; set; } = VaultAuthMethod.Token;

    /// <summary>Where the auth method is enabled (<c>VAULT_AUTH_MOUNT</c>); by default <c>approle</c> or <c>kubernetes</c>.</summary>
    public string? MountPath { get; set; }

    /// <summary>AppRole's role id (<c>VAULT_ROLE_ID</c>). Not secret on its own, still never logged.</summary>
    public string? RoleId { get; set; }

    /// <summary>AppRole's secret id (<c>VAULT_SECRET_ID</c>). Never logged.</summary>
    public string? SecretId { get; set; }

    /// <summary>A file holding the secret id (<c>VAULT_SECRET_ID_FILE</c>), read at every login; instead of <see cref="SecretId"/>.</summary>
    public string? SecretIdFile { get; set; }

    /// <summary>The Vault role a Kubernetes login asks for (<c>VAULT_KUBERNETES_ROLE</c>).</summary>
    public string? Role { get; set; }

    /// <summary>The service-account token file (<c>VAULT_KUBERNETES_JWT_FILE</c>), read at every login (projected tokens rotate).</summary>
    public string JwtFile { get; set; } = DefaultJwtFile;

    /// <summary>The mount in use: <see cref="MountPath"/>, else the method's usual one.</summary>
    public string EffectiveMountPath => MountPath is { Length: > 0 } mount ? mount.Trim('/') : Method switch
    {
        VaultAuthMethod.AppRole => "approle",
        VaultAuthMethod.Kubernetes => "kubernetes",
        _ => "token",
    };

    /// <summary>The method as Vault's CLI names it.</summary>
    public string MethodName => Method.ToString().ToLowerInvariant();

    public override string ToString() =>
        $"{{ Method = {MethodName}, MountPath = {EffectiveMountPath}, RoleId = {(string.IsNullOrEmpty(RoleId) ? "(none)" : "(set)")}, " +
        $"SecretId = {(string.IsNullOrEmpty(SecretId) ? "(none)" : "(set)")}, SecretIdFile = {SecretIdFile ?? "(none)"}, Role = {Role ?? "(none)"}, JwtFile = {JwtFile} }}";
}
