namespace ConfigCluster.Grains.Changes;

/// <summary>What a silo holds in memory of a store, kept current by a <see cref="SnapshotFollower"/>.</summary>
public interface IFollowedSnapshot
{
    /// <summary>Reads one changed entry again (environment and name as the store announced them); false when the store did not answer.</summary>
    Task<bool> RefreshAsync(string environment, string name, CancellationToken cancellationToken);

    /// <summary>Reads everything held again; false when the store did not answer for some of it.</summary>
    Task<bool> ResyncAsync(CancellationToken cancellationToken);
}
