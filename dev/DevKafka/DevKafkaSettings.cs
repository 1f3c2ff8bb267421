using System.Globalization;

namespace ConfigCluster.DevKafka;

/// <summary>
/// What <c>Program</c> starts, from the environment: <c>DEV_KAFKA_BROKERS</c> (default 3),
/// <c>DEV_KAFKA_TOPIC</c> (default <c>config-events</c>), <c>DEV_KAFKA_PARTITIONS</c> (default 6),
/// <c>DEV_KAFKA_BOOTSTRAP_FILE</c> (optional file that receives the bootstrap line) and
/// <c>DEV_KAFKA_ACCESS_TOPIC</c> (default <c>access-events</c>, the API key events; one partition) and
/// <c>DEV_KAFKA_FLAG_TOPIC</c> (default <c>flag-events</c>) and <c>DEV_KAFKA_REGISTRY_TOPIC</c> (default
/// <c>registry-events</c>), each with as many partitions as the config topic.
/// </summary>
internal sealed record DevKafkaSettings(
    int Brokers, string Topic, int Partitions, string? BootstrapFile, string AccessTopic = "access-events", string FlagTopic = "flag-events",
    string RegistryTopic = "registry-events")
{
    public static DevKafkaSettings FromEnvironment(Func<string, string?> read) => new(
        PositiveOr(read("DEV_KAFKA_BROKERS"), 3),
        NonEmptyOr(read("DEV_KAFKA_TOPIC"), "config-events")!,
        PositiveOr(read("DEV_KAFKA_PARTITIONS"), 6),
        NonEmptyOr(read("DEV_KAFKA_BOOTSTRAP_FILE"), null),
        NonEmptyOr(read("DEV_KAFKA_ACCESS_TOPIC"), "access-events")!,
        NonEmptyOr(read("DEV_KAFKA_FLAG_TOPIC"), "flag-events")!,
        NonEmptyOr(read("DEV_KAFKA_REGISTRY_TOPIC"), "registry-events")!);

    private static int PositiveOr(string? value, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new FormatException($"'{value}' is not a positive whole number.");
    }

    private static string? NonEmptyOr(string? value, string? fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
