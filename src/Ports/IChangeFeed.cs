namespace ConfigCluster.Ports;

/// <summary>A store's announcements of its changes, which silos follow to keep what they hold in memory current.</summary>
public interface IChangeFeed
{
    /// <summary>
    /// Follows the changes made by any silo until cancelled: <paramref name="changed"/> with each changed entry's
    /// environment and name (a flag's key, a registry service), <paramref name="resync"/> whenever changes may have
    /// been missed (at start, after a lost connection). Never throws for database trouble: it reconnects.
    /// </summary>
    Task FollowChangesAsync(Func<string, string, Task> changed, Func<Task> resync, CancellationToken cancellationToken);
}
