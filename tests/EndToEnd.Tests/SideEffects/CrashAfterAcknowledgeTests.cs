namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// The process hosting the grain is killed (SIGKILL) right after a write is acknowledged and before its
/// event could leave (every broker down): the event is delivered once a gateway runs again.
/// </summary>
public sealed class CrashAfterAcknowledgeTests(CrashAfterAcknowledgeTests.NoGatewayFixture fixture)
    : IClassFixture<CrashAfterAcknowledgeTests.NoGatewayFixture>
{
    [Fact]
    public async Task EventOfAnAcknowledgedWriteIsDeliveredAfterTheProcessIsKilledAndRestarted()
    {
        fixture.Kafka.SetAllBrokersDown();
        var first = await SiloProcess.StartGatewayAsync(fixture.DependencyArgs);
        var created = await first.Http.CreateAsync("crash", "svc", "key", "value");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        first.Kill();
        await first.DisposeAsync();

        fixture.Kafka.SetAllBrokersUp();
        await using var second = await SiloProcess.StartGatewayAsync(fixture.DependencyArgs);
        var events = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers, e => e.Any(x => x.Key == "crash/svc/key"), TimeSpan.FromSeconds(60));

        var delivered = Assert.Single(KafkaEvents.Deduplicated(events), e => e.Key == "crash/svc/key");
        Assert.Equal(("created", 1L), (delivered.EventType, delivered.Version));
    }

    public sealed class NoGatewayFixture : SystemFixture
    {
        protected override bool StartsGateway => false;
    }
}
