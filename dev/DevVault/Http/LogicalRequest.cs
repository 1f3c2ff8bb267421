using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Fields;

namespace ConfigCluster.DevVault.Http;

/// <summary>A request as Vault's core sees it: operation, path below /v1/ (lists end in '/'), data, token.</summary>
internal sealed class LogicalRequest
{
    public required VaultOperation Operation { get; init; }

    public required string Path { get; init; }

    public required RequestFields Fields { get; init; }

    /// <summary>The token sent (X-Vault-Token wins over Authorization: Bearer), or null.</summary>
    public string? Token { get; init; }

    /// <summary>Set once the token is authenticated.</summary>
    public TokenEntry? Caller { get; set; }
}
