using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// The tokens of one dev Vault: the root token, tokens tests add, and tokens auth methods issue. A token
/// past its expire time is gone, as if Vault's expiration manager had revoked it.
/// </summary>
internal sealed class TokenStore
{
    private const string Base62 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly ConcurrentDictionary<string, TokenEntry> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TokenStore(string rootToken, TimeProvider time)
    {
        _time = time;
        Root = Create(rootToken, DevVaultPolicy.AllowAll, "root", "auth/token/root", orphan: true);
        _tokens[rootToken] = Root;
    }

    public TokenEntry Root { get; }

    /// <summary>Held while a renewal reads, recalculates and replaces a token's lease.</summary>
    public Lock RenewalGate { get; } = new();

    public void Add(string token, DevVaultPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _tokens[token] = Create(token, policy, "token", "auth/token/create", orphan: false);
    }

    /// <summary>A new service token id and accessor, for an auth method to build its token from.</summary>
    public static (string Id, string Accessor) NewIdentifiers() =>
        ("hvs." + RandomNumberGenerator.GetString(Base62, 24), NewAccessor());

    /// <summary>Stores a token an auth method issued.</summary>
    public void Issue(TokenEntry token) => _tokens[token.Id] = token;

    /// <summary>The token, unless it is unknown, revoked or expired.</summary>
    public TokenEntry? Find(string token)
    {
        if (!_tokens.TryGetValue(token, out TokenEntry? entry))
        {
            return null;
        }

        if (!entry.IsExpired(_time.GetUtcNow()))
        {
            return entry;
        }

        _tokens.TryRemove(KeyValuePair.Create(token, entry));
        return null;
    }

    /// <summary>Replaces a token's entry (a renewal) unless it was revoked or changed meanwhile.</summary>
    public bool TryUpdate(TokenEntry current, TokenEntry updated) => _tokens.TryUpdate(current.Id, updated, current);

    public bool Revoke(string token) => _tokens.TryRemove(token, out _);

    public bool RevokeAccessor(string accessor) =>
        _tokens.Values.FirstOrDefault(entry => entry.Accessor == accessor) is { } entry && Revoke(entry.Id);

    /// <summary>Revokes every token created on a path below <paramref name="pathPrefix"/> (a disabled auth method's).</summary>
    public void RevokeCreatedBelow(string pathPrefix)
    {
        foreach (TokenEntry entry in _tokens.Values.Where(entry => entry.CreationPath.StartsWith(pathPrefix, StringComparison.Ordinal)))
        {
            _tokens.TryRemove(KeyValuePair.Create(entry.Id, entry));
        }
    }

    private static string NewAccessor() => RandomNumberGenerator.GetString(Base62, 24);

    private TokenEntry Create(string token, DevVaultPolicy policy, string displayName, string path, bool orphan) =>
        new(token, NewAccessor(), policy, TokenEntry.NamedPolicies(policy), displayName, path, _time.GetUtcNow().ToUnixTimeSeconds(), orphan)
        {
            Sudo = policy == DevVaultPolicy.AllowAll,
        };
}
