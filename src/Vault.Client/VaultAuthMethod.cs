namespace ConfigCluster.Vault.Client;

/// <summary>How the client gets its Vault token (<c>VAULT_AUTH_METHOD</c>: <c>token</c>, <c>approle</c> or <c>kubernetes</c>).</summary>
public enum VaultAuthMethod
{
    /// <summary>A token given to the service: <c>VAULT_TOKEN</c>, or <c>VAULT_TOKEN_FILE</c> (a Vault Agent sink).</summary>
    Token,

    /// <summary>Logs in at <c>auth/{mount}/login</c> with a role id and a secret id.</summary>
    AppRole,

    /// <summary>Logs in at <c>auth/{mount}/login</c> with a Kubernetes service-account token.</summary>
    Kubernetes,
}
