namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// The expiration manager's lease of a token an auth method issued: when it was issued and expires, the TTL
/// it was created with, and the role whose current terms apply when it is renewed.
/// </summary>
internal sealed record TokenLease(
    DateTimeOffset IssueTime,
    DateTimeOffset ExpireTime,
    long CreationTtl,
    long ExplicitMaxTtl,
    IRenewalSource Source,
    string RoleName)
{
    public DateTimeOffset? LastRenewal { get; init; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpireTime;

    /// <summary>Seconds left, as Vault reports them: the expire time less now rounded to the second, truncated.</summary>
    public long Ttl(DateTimeOffset now)
    {
        long roundedNowTicks = (now.UtcTicks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return (ExpireTime.UtcTicks - roundedNowTicks) / TimeSpan.TicksPerSecond;
    }
}
