using ConfigCluster.Grains.Access;
using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Gateway.Access;

/// <summary>
/// The admin key from <see cref="AuthOptions.BootstrapApiKey"/>: only its SHA-256 is kept, taken at start, and a
/// presented key is compared with it in constant time. Its actor in the audit trail is <c>key:bootstrap</c>.
/// </summary>
public sealed class BootstrapKey
{
    private readonly byte[]? _hash;

    public BootstrapKey(IOptions<AuthOptions> options)
    {
        _hash = options.Value.BootstrapApiKey is { Length: > 0 } key ? ApiKeySecret.Hash(key) : null;
    }

    public CallerPrincipal Caller { get; } = new("key:bootstrap", Grants.Everything, AuthSchemes.ApiKey);

    /// <summary>Whether a presented key's SHA-256 is the bootstrap key's, compared in constant time.</summary>
    public bool Matches(byte[] presentedHash) => _hash is not null && ApiKeySecret.SameHash(_hash, presentedHash);
}
