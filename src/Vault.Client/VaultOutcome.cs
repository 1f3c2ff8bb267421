namespace ConfigCluster.Vault.Client;

/// <summary>What a Vault call came to. Only <see cref="Ok"/> carries a full value.</summary>
public enum VaultOutcome
{
    /// <summary>200 or 204.</summary>
    Ok,

    /// <summary>404 <c>{"errors":[]}</c>: no such key/version (or an empty 404 from PATCH).</summary>
    NotFound,

    /// <summary>404 whose envelope holds the metadata of a soft-deleted version.</summary>
    VersionDeleted,

    /// <summary>404 whose envelope holds the metadata of a destroyed version.</summary>
    VersionDestroyed,

    /// <summary>400 "check-and-set parameter did not match the current version".</summary>
    CasMismatch,

    /// <summary>403; see <see cref="VaultResult.IsInvalidToken"/> for an unknown/expired token.</summary>
    PermissionDenied,

    /// <summary>Vault could not answer: connection failure, timeout, sealed (503), 5xx, 429, 502, 412, standby redirect.</summary>
    Unavailable,

    /// <summary>Any other 4xx (and body-parsing 500s): bad request, wrong mount or path, no handler. A configuration or caller error.</summary>
    Rejected,
}
