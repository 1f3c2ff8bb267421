using System.Threading.Channels;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// Group commit for the change log's statements on the write path (intents and commits). Statements that
/// concurrent writes queue while a batch is in flight go together in the next one: one round trip and one
/// implicit transaction (one WAL flush) for many grains, instead of one each. A caller's answer is given
/// only after its batch's transaction has committed, so nothing is acknowledged earlier than before.
/// A batch fails as a whole (it is one transaction): every statement in it answers
/// <see cref="StoreOutcome.Unavailable"/>, as a lone statement would have. The statements batched here
/// touch rows no other statement in flight touches (a new intent, or the commit of one's own intent).
/// </summary>
internal sealed class StatementBatcher : IAsyncDisposable, IDisposable
{
    /// <summary>Most statements in one batch.</summary>
    public const int MaxBatch = 64;

    /// <summary>Batches in flight at once: one is sent while the next fills.</summary>
    private const int Senders = 2;

    private readonly Channel<Queued> _queue = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = false });
    private readonly PostgresGuard _guard;
    private readonly Task[] _senders;

    public StatementBatcher(PostgresGuard guard)
    {
        _guard = guard;
        _senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAsync)).ToArray();
    }

    /// <summary>
    /// Runs <paramref name="command"/> in the next batch and answers the first column of its first row,
    /// or null when it returned no row.
    /// </summary>
    public async Task<StoreResult<object?>> ScalarAsync(NpgsqlBatchCommand command, CancellationToken cancellationToken)
    {
        var queued = new Queued(command, new TaskCompletionSource<StoreResult<object?>>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (!_queue.Writer.TryWrite(queued))
        {
            return StoreResult<object?>.Fail(StoreOutcome.Unavailable, "The change log is shutting down.");
        }

        return await queued.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Takes no more statements and waits until those queued have been answered.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_senders);
    }

    /// <summary>Takes no more statements; those queued are still sent and answered.</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    private async Task SendAsync()
    {
        List<Queued> batch = [];
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var queued))
            {
                if (queued.Cancellation.IsCancellationRequested)
                {
                    queued.Answer.TrySetCanceled(queued.Cancellation);
                }
                else
                {
                    batch.Add(queued);
                }
            }

            if (batch.Count > 0)
            {
                await RunAsync(batch);
            }
        }
    }

    private async Task RunAsync(List<Queued> batch)
    {
        StoreResult<object?[]> result;
        try
        {
            result = await ExecuteAsync(batch);
        }
        catch (Exception)
        {
            // Not a database failure (the guard answers those): a fault of ours. The batch fails, the sender lives on.
            result = StoreResult<object?[]>.Fail(StoreOutcome.Unavailable, "The change log could not run its statements.");
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Answer.TrySetResult(result.IsOk
                ? StoreResult<object?>.Ok(result.Value![i])
                : StoreResult<object?>.Fail(result.Outcome, result.Detail));
        }
    }

    private Task<StoreResult<object?[]>> ExecuteAsync(List<Queued> batch) =>
        _guard.RunAsync("change log batch", async (connection, token) =>
        {
            await using var statements = new NpgsqlBatch(connection);
            batch.ForEach(q => statements.BatchCommands.Add(q.Command));
            var values = new object?[batch.Count];
            await using (var reader = await statements.ExecuteReaderAsync(token))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0 && !await reader.NextResultAsync(token))
                    {
                        throw new InvalidOperationException("A batched change-log statement returned no result set.");
                    }

                    values[i] = await reader.ReadAsync(token) && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
                }
            }

            return StoreResult<object?[]>.Ok(values);
        }, CancellationToken.None);

    private sealed record Queued(NpgsqlBatchCommand Command, TaskCompletionSource<StoreResult<object?>> Answer, CancellationToken Cancellation);
}
