using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ConfigCluster.DevVault.Auth;

/// <summary>The tokens of one dev Vault: the root token plus tokens tests add.</summary>
internal sealed class TokenStore
{
    private const string AccessorAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly ConcurrentDictionary<string, TokenEntry> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TokenStore(string rootToken, TimeProvider time)
    {
        _time = time;
        Root = Create(rootToken, DevVaultPolicy.AllowAll, "root", "auth/token/root", orphan: true);
        _tokens[rootToken] = Root;
    }

    public TokenEntry Root { get; }

    public void Add(string token, DevVaultPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _tokens[token] = Create(token, policy, "token", "auth/token/create", orphan: false);
    }

    public TokenEntry? Find(string token) => _tokens.GetValueOrDefault(token);

    private TokenEntry Create(string token, DevVaultPolicy policy, string displayName, string path, bool orphan) =>
        new(token, RandomNumberGenerator.GetString(AccessorAlphabet, 24), policy, displayName, path, _time.GetUtcNow().ToUnixTimeSeconds(), orphan);
}
