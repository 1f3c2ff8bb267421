using ConfigCluster.Ports;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Publishes change events through one shared idempotent producer (see <see cref="KafkaProducerFactory"/>).
/// Order: events are handed to the producer one after the other; a config's events share a key and so a
/// partition, and the idempotent producer never reorders or duplicates within a partition, retries included.
/// A batch that fails or is cancelled is sent again whole by the caller: consumers may see an event twice and
/// deduplicate by <c>event_id</c>, but the first copies of one key's events are always in order.
/// </summary>
public sealed class KafkaChangePublisher : IChangePublisher, IDisposable
{
    private static readonly TimeSpan QueueFullBackoff = TimeSpan.FromMilliseconds(50);

    private readonly KafkaOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly KafkaProducerFactory _factory;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lock _gate = new();
    private ProducerSlot _slot;

    public KafkaChangePublisher(IOptions<KafkaOptions> options, ILogger<KafkaChangePublisher> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
        _factory = new KafkaProducerFactory(_options, new LibrdkafkaLogBridge(logger, timeProvider));
        _slot = _factory.Create();
        KafkaLog.ProducerStarted(_logger, _options.ClientId, _options.Topic, _options.BootstrapServers);
    }

    /// <summary>The current producer's handle, for admin requests over its connections.</summary>
    internal Handle Handle => CurrentProducer().Handle;

    /// <summary>
    /// Hands every event to the producer in order and waits for all delivery reports; waits through broker
    /// outages. False when cancelled or when Kafka refused an event; never throws for Kafka trouble.
    /// </summary>
    public async Task<bool> PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        try
        {
            var failure = await ProduceAllAsync(CurrentProducer(), events, stop.Token).WaitAsync(stop.Token);
            if (failure is not null)
            {
                KafkaLog.DeliveryFailed(_logger, failure.Message.Key, failure.Error.Code, failure.Error.Reason, events.Count);
            }

            return failure is null;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && stop.IsCancellationRequested)
        {
            // Cancelled by the caller, or the publisher is being disposed under a running batch.
            KafkaLog.PublishCancelled(_logger, events.Count);
            return false;
        }
        catch (KafkaException e)
        {
            KafkaLog.ProduceRefused(_logger, e.Error.Code, e.Error.Reason, events.Count);
            return false;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposing.IsCancellationRequested)
            {
                return;
            }

            // Unacknowledged events stay in the outbox and are sent again by the next relay; no flush needed.
            _disposing.Cancel();
            _slot.Dispose();
            _disposing.Dispose();
        }
    }

    /// <summary>Enqueues the batch in order; the task ends with the first failed delivery report, or null.</summary>
    private async Task<DeliveryReport<string, byte[]>?> ProduceAllAsync(
        IProducer<string, byte[]> producer, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        var batch = new DeliveryBatch(events.Count);
        foreach (var outboxEvent in events)
        {
            var message = ChangeEventMessage.Create(outboxEvent.Change);
            var topic = outboxEvent.Change.Entity switch
            {
                ChangeEntity.Config => _options.Topic,
                ChangeEntity.Flag => _options.FlagTopic,
                ChangeEntity.Instance => _options.RegistryTopic,
                _ => _options.AccessTopic,
            };
            while (!TryProduce(producer, topic, message, batch))
            {
                // librdkafka's local queue is full: wait for deliveries to make room.
                await Task.Delay(QueueFullBackoff, _timeProvider, cancellationToken);
            }
        }

        return await batch.Completion;
    }

    private static bool TryProduce(IProducer<string, byte[]> producer, string topic, Message<string, byte[]> message, DeliveryBatch batch)
    {
        try
        {
            producer.Produce(topic, message, batch.OnDelivery);
            return true;
        }
        catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
        {
            return false;
        }
    }

    /// <summary>The producer, replaced first when librdkafka declared it fatally failed.</summary>
    private IProducer<string, byte[]> CurrentProducer()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
            if (_slot.IsFatal)
            {
                var failed = _slot;
                _slot = _factory.Create();
                KafkaLog.ProducerRebuilt(_logger);
                _ = Task.Run(failed.Dispose);
            }

            return _slot.Producer;
        }
    }
}
