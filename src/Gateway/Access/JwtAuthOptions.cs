namespace ConfigCluster.Gateway.Access;

/// <summary>
/// Bearer JWTs from an OIDC issuer (section <c>Auth:Jwt</c>); off unless <see cref="Authority"/> or
/// <see cref="SigningKeys"/> is set. Signatures are always required (no <c>alg: none</c>), as are the issuer,
/// the audience and the lifetime.
/// </summary>
public sealed class JwtAuthOptions
{
    /// <summary>The issuer's base URL; its signing keys come from its OIDC discovery document (JWKS).</summary>
    public string? Authority { get; set; }

    /// <summary>Accepted <c>iss</c> values (default: the authority's).</summary>
    public List<string> Issuers { get; set; } = [];

    /// <summary>Accepted <c>aud</c> values; at least one is required.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Static signing keys, as PEM public keys (RSA or EC) or JSON Web Keys, instead of or beside the authority's.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>The claim whose value is a JSON array of grants.</summary>
    public string GrantsClaim { get; set; } = "configcluster_grants";

    /// <summary>The claim of the caller's roles.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Grants per role name, each a JSON array of grants (as the grants claim holds).</summary>
    public Dictionary<string, string> RoleGrants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim that names the caller in the audit trail (<c>jwt:&lt;value&gt;</c>).</summary>
    public string ActorClaim { get; set; } = "sub";

    /// <summary>Tolerated clock skew.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || SigningKeys.Count > 0;
}
