namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// A token the client logged in for, and what Vault said of its life: <see cref="Seconds"/> from
/// <see cref="StartedAt"/> (0: it does not expire), whether it can be renewed, and the TTL it was issued with
/// (a renewal asks for that again; getting less means the max TTL is near). Never printed.
/// </summary>
internal sealed record VaultLease(string Token, long Seconds, bool Renewable, long IssuedSeconds, long StartedAt)
{
    /// <summary>Renewal was capped by the max TTL, or is not possible: the next step is a new login.</summary>
    public bool NeedsLogin => !Renewable || (Seconds > 0 && Seconds < IssuedSeconds);

    public bool Expires => Seconds > 0;

    public TimeSpan Remaining(TimeProvider time) =>
        Expires ? TimeSpan.FromSeconds(Seconds) - time.GetElapsedTime(StartedAt) : TimeSpan.MaxValue;

    /// <summary>When to renew (or log in again): two thirds into the lease.</summary>
    public TimeSpan UntilRefresh(TimeProvider time) =>
        Expires ? TimeSpan.FromSeconds(Seconds * 2.0 / 3) - time.GetElapsedTime(StartedAt) : TimeSpan.MaxValue;

    public override string ToString() => $"VaultLease {{ Seconds = {Seconds}, Renewable = {Renewable}, IssuedSeconds = {IssuedSeconds} }}";
}
