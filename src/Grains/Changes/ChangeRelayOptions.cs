namespace ConfigCluster.Grains.Changes;

/// <summary>How the change relay drains the outbox (section <c>ChangeRelay</c>).</summary>
public sealed class ChangeRelayOptions
{
    public const string SectionName = "ChangeRelay";

    /// <summary>Most events published in one batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long an intent may stay pending before the relay settles it against Vault. Longer than a
    /// write can take (Vault timeout plus the grain's work), so a write in flight is never settled.
    /// </summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a silo that is not the relay checks whether the relay lease is free.</summary>
    public TimeSpan StandbyInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for a commit notification before looking at the outbox again.</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(1);
}
