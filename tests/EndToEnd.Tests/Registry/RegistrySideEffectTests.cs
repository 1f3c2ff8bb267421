using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Registry;

/// <summary>
/// Registrations, status changes and removals are in the one audit trail (entity <c>instance</c>) and published to
/// <c>registry-events</c> keyed <c>{environment}/{service}</c>; heartbeats that change nothing are neither.
/// </summary>
public sealed class RegistrySideEffectTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task RegistrationsStatusChangesAndRemovalsAreAuditedAndPublishedButPlainHeartbeatsAreNot()
    {
        await fixture.Http.RegisterAsync("fx", "audited", "a", RegistryApi.Ttl());
        for (var i = 0; i < 5; i++)
        {
            using var beat = await fixture.Http.HeartbeatAsync("fx", "audited", "a");
            beat.EnsureSuccessStatusCode();
        }

        await fixture.Http.HeartbeatAsync("fx", "audited", "a", """{"status": "critical", "output": "output-canary-1f3a"}""");
        await fixture.Http.DeregisterAsync("fx", "audited", "a");

        var rows = await AuditRowsAsync("audited");
        var events = KafkaEvents.Deduplicated(KafkaEvents.ReadUntil(
            fixture.Kafka.BootstrapServers, KafkaEvents.RegistryTopic, e => KafkaEvents.Deduplicated(e).Count(x => x.Key == "fx/audited") >= 3,
            TimeSpan.FromSeconds(60))).Where(e => e.Key == "fx/audited").ToList();

        Assert.Equal(["created instance a registered anonymous", "updated instance a status anonymous", "deleted instance a deregistered anonymous"], rows);
        Assert.Equal(["created", "updated", "deleted"], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Contains("\"entity\":\"instance\"", e.RawValue, StringComparison.Ordinal));
        using var changed = JsonDocument.Parse(events[1].RawValue);
        Assert.Equal("critical", changed.RootElement.GetProperty("details").GetProperty("status").GetString());
        Assert.Equal("passing", changed.RootElement.GetProperty("details").GetProperty("old_status").GetString());
        Assert.Equal(("fx", "audited", "a"), (changed.RootElement.GetProperty("environment").GetString(),
            changed.RootElement.GetProperty("service").GetString(), changed.RootElement.GetProperty("instance_id").GetString()));
        Assert.DoesNotContain(events, e => e.RawValue.Contains("canary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusChangeFoundByACheckIsAuditedAsTheRegistrys()
    {
        await fixture.Http.RegisterAsync("fx", "expired", "a", RegistryApi.Ttl("1s"));

        await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("fx", "expired", "a"), s => s == "critical", TimeSpan.FromSeconds(15));
        var rows = await Eventually.ValueAsync(() => AuditRowsAsync("expired"), r => r.Count >= 2, TimeSpan.FromSeconds(15));

        Assert.Equal(["created instance a registered anonymous", "updated instance a status registry"], rows);
    }

    private async Task<List<string>> AuditRowsAsync(string service)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT action || ' ' || entity || ' ' || key || ' ' || (details->>'reason') || ' ' || actor FROM config_changes " +
            "WHERE service_name = @service AND environment = 'fx' AND state = 'committed' ORDER BY id", connection);
        select.Parameters.AddWithValue("service", service);
        var rows = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
