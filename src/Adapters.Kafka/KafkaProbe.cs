using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Ports;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Reports <c>kafka</c> Up when a metadata request for the events topic, sent over the publisher's own
/// connections, is answered within <see cref="KafkaOptions.ProbeTimeout"/> and names the topic; else Down.
/// </summary>
public sealed class KafkaProbe(KafkaChangePublisher publisher, IOptions<KafkaOptions> options) : IDependencyProbe
{
    public const string DependencyName = "kafka";

    private readonly KafkaOptions _options = options.Value;

    public Task<DependencyStatus> ProbeAsync(CancellationToken cancellationToken) =>
        // GetMetadata blocks its thread for up to the probe timeout.
        Task.Run(Probe, cancellationToken);

    private DependencyStatus Probe()
    {
        try
        {
            using var admin = new DependentAdminClientBuilder(publisher.Handle).Build();
            var metadata = admin.GetMetadata(_options.Topic, _options.ProbeTimeout);
            var topic = metadata.Topics.FirstOrDefault(t => t.Topic == _options.Topic);
            return metadata.Brokers.Count == 0 ? Down("no broker answered")
                : topic is null ? Down($"topic {_options.Topic} is unknown")
                : topic.Error.IsError ? Down($"topic {_options.Topic}: {topic.Error.Reason}")
                : new DependencyStatus(DependencyName, DependencyState.Up,
                    $"{metadata.Brokers.Count} brokers; topic {_options.Topic} has {topic.Partitions.Count} partitions");
        }
        catch (KafkaException e)
        {
            return Down(e.Error.Reason);
        }
        catch (ObjectDisposedException)
        {
            return Down("the publisher is stopped");
        }
    }

    private static DependencyStatus Down(string detail) => new(DependencyName, DependencyState.Down, detail);
}
