namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>With every broker down, writes still succeed; every event is delivered once brokers return, in per-key order.</summary>
public sealed class KafkaOutageTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task HundredWritesAcrossTenKeysWithAllBrokersDownAreDeliveredOnceBrokersReturn()
    {
        fixture.Kafka.SetAllBrokersDown();
        var acknowledged = new List<(string Key, long Version)>();
        for (var round = 0; round < 10; round++)
        {
            foreach (var key in Enumerable.Range(0, 10).Select(i => $"k{i}"))
            {
                var response = round == 0
                    ? await fixture.Http.CreateAsync("outage", "svc", key, $"r{round}")
                    : await fixture.Http.UpdateAsync("outage", "svc", key, $"r{round}");
                acknowledged.Add((key, (await response.ValueAsync()).Version));
            }
        }

        fixture.Kafka.SetAllBrokersUp();
        var events = KafkaEvents.Deduplicated(KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers,
            e => KafkaEvents.Deduplicated(e).Count(x => x.Key.StartsWith("outage/", StringComparison.Ordinal)) >= 100,
            TimeSpan.FromSeconds(60))).Where(e => e.Key.StartsWith("outage/", StringComparison.Ordinal)).ToList();

        Assert.Equal(100, events.Count);
        Assert.Equal(acknowledged.Order(), events.Select(e => (e.ConfigKey, e.Version)).Order());
        foreach (var perKey in events.GroupBy(e => e.Key))
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), perKey.Select(e => e.Version));
        }
    }
}
