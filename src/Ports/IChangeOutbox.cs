namespace ConfigCluster.Ports;

/// <summary>
/// The relay's side of the change log: committed changes not yet published, stale intents to
/// settle, and the lease that makes one relay run per cluster.
/// </summary>
public interface IChangeOutbox
{
    /// <summary>
    /// Takes the cluster-wide relay lease, or null when another process holds it. The lease lasts
    /// until disposed or until this process loses its connection to the log.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireRelayLeaseAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Committed, unpublished changes in commit order (by id), at most <paramref name="max"/>, and only
    /// those older than every intent still pending: a pending intent may yet be committed (by its grain or
    /// the reconciler), and its event must not follow a newer change of the same config.
    /// </summary>
    Task<IReadOnlyList<OutboxEvent>> ReadUnpublishedAsync(int max, CancellationToken cancellationToken);

    Task MarkPublishedAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Intents pending for longer than <paramref name="olderThan"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingChange>> ReadStalePendingAsync(TimeSpan olderThan, int max, CancellationToken cancellationToken);

    /// <summary>Completes when a change may have been committed since the last call, or after <paramref name="timeout"/>.</summary>
    Task WaitForCommitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
