namespace ConfigCluster.Grains.LocalReads;

/// <summary>
/// Where a config grain mirrors what it may answer without asking Vault, for readers in its own silo.
/// The grain publishes a plain config it holds as current and withdraws it before anything could make
/// it stale: before a write begins, when it forgets what it knew, and when it deactivates.
/// </summary>
public interface ILocalReadPublisher
{
    /// <summary>
    /// The grain would answer <paramref name="found"/> to a read until <paramref name="freshUntil"/>; from
    /// <paramref name="renewFrom"/> on, a reader should ask it to re-read Vault ahead of that.
    /// </summary>
    void Publish(ConfigAddress address, ConfigResult found, DateTimeOffset renewFrom, DateTimeOffset freshUntil);

    /// <summary>The grain's answer may change: readers must ask the grain.</summary>
    void Withdraw(ConfigAddress address);
}
