namespace ConfigCluster.Ports.LegacyMigration;

/// <summary>
/// A legacy config table being migrated, on a connection string the caller gave. Failures are results whose detail
/// names neither a value nor the connection string; only the caller's cancellation throws.
/// </summary>
public interface ILegacyConfigSource : IAsyncDisposable
{
    /// <summary>Where the rows come from, safe to show: <c>host:port/database table</c>, never a password.</summary>
    string Description { get; }

    /// <summary>How many rows the table holds; Unavailable with the reason when it cannot be read (no table, no column, no server).</summary>
    Task<StoreResult<long>> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every row, streamed in the table's physical order.</summary>
    IAsyncEnumerable<LegacyRow> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Deletes exactly these rows (matched on all three names, the value and the encryption flag): how many went.</summary>
    Task<StoreResult<int>> RemoveAsync(IReadOnlyList<LegacyRow> rows, CancellationToken cancellationToken);
}
