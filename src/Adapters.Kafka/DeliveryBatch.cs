using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Collects the delivery reports of one published batch. <see cref="Completion"/> ends when every message has a
/// report, with the first failure (null when all were persisted). Reports arrive on the producer's poll thread.
/// </summary>
internal sealed class DeliveryBatch(int count)
{
    private readonly TaskCompletionSource<DeliveryReport<string, byte[]>?> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _remaining = count;
    private DeliveryReport<string, byte[]>? _firstFailure;

    public Task<DeliveryReport<string, byte[]>?> Completion => _completion.Task;

    public void OnDelivery(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError || report.Status != PersistenceStatus.Persisted)
        {
            Interlocked.CompareExchange(ref _firstFailure, report, null);
        }

        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _completion.TrySetResult(Volatile.Read(ref _firstFailure));
        }
    }
}
