using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// A token Vault knows, with the fields auth/token/lookup-self reports. <see cref="Policy"/> is what the dev
/// server enforces; <see cref="Policies"/> is the named list Vault reports.
/// </summary>
internal sealed record TokenEntry(
    string Id,
    string Accessor,
    DevVaultPolicy Policy,
    IReadOnlyList<string> Policies,
    string DisplayName,
    string CreationPath,
    long CreationTime,
    bool Orphan)
{
    /// <summary>May use root-protected paths (sys/auth): the root token and tokens added with AllowAll.</summary>
    public bool Sudo { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public string EntityId { get; init; } = "";

    /// <summary>Null for tokens that never expire (the root token and added test tokens): they have no lease to renew.</summary>
    public TokenLease? Lease { get; init; }

    public bool IsExpired(DateTimeOffset now) => Lease?.IsExpired(now) == true;

    /// <summary>The <c>auth</c> block of a login or renewal that leaves the token <paramref name="leaseDuration"/> seconds to live.</summary>
    public AuthBlock AuthBlock(long leaseDuration) =>
        new(Id, Accessor, Policies, Policies, Meta, leaseDuration, Renewable: true, EntityId, Orphan);

    /// <summary>The named policies the dev server reports for one of its canned policies.</summary>
    public static IReadOnlyList<string> NamedPolicies(DevVaultPolicy policy) => policy switch
    {
        DevVaultPolicy.AllowAll => ["root"],
        DevVaultPolicy.ReadOnly => ["default", "read-only"],
        _ => ["default"],
    };
}
