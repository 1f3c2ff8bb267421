using ConfigCluster.Ports;

namespace ConfigCluster.Adapters.Redis.Tests.Support;

public static class TestConfigs
{
    public static readonly TimeSpan LongTimeToLive = TimeSpan.FromMinutes(5);

    /// <summary>An address no other test uses.</summary>
    public static ConfigAddress NewAddress(string environment = "test") =>
        new(environment, "svc-" + Guid.NewGuid().ToString("N")[..8], "key." + Guid.NewGuid().ToString("N")[..8]);

    public static CachedConfig Entry(string value = "plain value", long version = 3) => new(
        value,
        version,
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        new DateTimeOffset(2025, 6, 7, 8, 9, 10, 123, TimeSpan.Zero),
        ChangeId: 42,
        CachedAt: new DateTimeOffset(2025, 6, 7, 8, 9, 11, 0, TimeSpan.Zero));
}
