using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Flags;

/// <summary>
/// Every flag change is in the one audit trail beside config changes (entity <c>flag</c>) and is published to
/// <c>flag-events</c> keyed <c>{environment}/{key}</c>; none carries a secret config's value.
/// </summary>
public sealed class FlagSideEffectTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private const string Canary = "flag-canary-6b1f2e";

    [Fact]
    public async Task EachChangeHasOneAuditRowAndOneEventWithTheActorAndVersions()
    {
        await fixture.Http.CreateAsync("fx", "svc", "db-password", Canary, encrypted: true);
        await fixture.Http.CreatedFlagAsync("fx", "audited");
        await fixture.Http.PatchFlagAsync("fx", "audited", """{"rollout_percentage": 5}""");
        await fixture.Http.PatchFlagAsync("fx", "audited", """{"rollout_percentage": 5}""");
        await fixture.Http.DeleteFlagAsync("fx", "audited");

        var rows = await AuditRowsAsync("audited");
        var events = KafkaEvents.Deduplicated(KafkaEvents.ReadUntil(
            fixture.Kafka.BootstrapServers, KafkaEvents.FlagTopic, e => KafkaEvents.Deduplicated(e).Count(x => x.Key == "fx/audited") >= 3,
            TimeSpan.FromSeconds(60))).Where(e => e.Key == "fx/audited").ToList();

        Assert.Equal(["created 0->1 flag anonymous", "updated 1->2 flag anonymous", "deleted 2->0 flag anonymous"], rows);
        Assert.Equal([("created", 1L), ("updated", 2L), ("deleted", 0L)], events.Select(e => (e.EventType, e.Version)));
        Assert.All(events, e => Assert.Contains("\"entity\":\"flag\"", e.RawValue));
        using var updated = JsonDocument.Parse(events[1].RawValue);
        Assert.Equal(5, updated.RootElement.GetProperty("details").GetProperty("rollout_percentage").GetDecimal());
        Assert.Equal("fx", updated.RootElement.GetProperty("environment").GetString());
        Assert.DoesNotContain(events, e => e.RawValue.Contains(Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(await fixture.Postgres.DumpAllRowsAsync(), row => row.Contains(Canary, StringComparison.Ordinal));
    }

    private async Task<List<string>> AuditRowsAsync(string key)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT action || ' ' || old_version || '->' || new_version || ' ' || entity || ' ' || actor FROM config_changes " +
            "WHERE key = @key AND environment = 'fx' AND state = 'committed' ORDER BY id", connection);
        select.Parameters.AddWithValue("key", key);
        var rows = new List<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
