using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>Checks <see cref="KafkaOptions"/> at start-up. Messages name the setting, never a producer setting's value.</summary>
public sealed partial class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    private static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Properties the publisher fixes for its delivery guarantees; <see cref="KafkaOptions.ProducerSettings"/> may not set them.</summary>
    private static readonly HashSet<string> FixedProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "bootstrap.servers", "metadata.broker.list", "client.id", "linger.ms", "queue.buffering.max.ms",
        "enable.idempotence", "acks", "request.required.acks", "max.in.flight", "max.in.flight.requests.per.connection",
        "message.timeout.ms", "delivery.timeout.ms", "retries", "message.send.max.retries",
    };

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems = [BootstrapProblem(options), TopicProblem(options), ProducerProblem(options), OtherProblem(options)];
        var failures = problems.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? BootstrapProblem(KafkaOptions options) =>
        string.IsNullOrWhiteSpace(options.BootstrapServers)
            ? "Kafka:BootstrapServers (ConnectionStrings:Kafka or KAFKA_BOOTSTRAP_SERVERS) must be set."
            : options.BootstrapServers.Split(',').All(s => s.Trim().Length > 0 && !s.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                ? null
                : "Kafka:BootstrapServers must be a comma-separated host:port list.";

    private static string? TopicProblem(KafkaOptions options) =>
        options.Topic is { } topic && TopicName().IsMatch(topic) && topic is not ("." or "..")
            ? null
            : "Kafka:Topic must be 1 to 249 characters of letters, digits, '.', '_' or '-'.";

    private static string? ProducerProblem(KafkaOptions options)
    {
        var fixedOnes = (options.ProducerSettings ?? []).Keys.Where(FixedProperties.Contains).ToList();
        return fixedOnes.Count == 0
            ? null
            : $"Kafka:ProducerSettings may not set {string.Join(", ", fixedOnes)}: the publisher fixes them (use the Kafka options instead).";
    }

    private static string? OtherProblem(KafkaOptions options)
    {
        List<string> problems = [];
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add("Kafka:ClientId must be set.");
        }

        if (options.LingerMs is < 0 or > 60_000)
        {
            problems.Add("Kafka:LingerMs must be between 0 and 60000.");
        }

        if (options.ProbeTimeout <= TimeSpan.Zero || options.ProbeTimeout > MaxProbeTimeout)
        {
            problems.Add("Kafka:ProbeTimeout must be greater than zero and at most 30 seconds.");
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,249}$")]
    private static partial Regex TopicName();
}
