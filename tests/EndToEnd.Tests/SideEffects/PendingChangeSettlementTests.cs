using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// A change left pending (its writer crashed between Vault and the commit) is settled by the change
/// relay against Vault: committed and published when Vault holds it, aborted when it does not; and no
/// newer event of the same config is published before it is settled.
/// </summary>
public sealed class PendingChangeSettlementTests(PendingChangeSettlementTests.ShortGraceFixture fixture)
    : IClassFixture<PendingChangeSettlementTests.ShortGraceFixture>
{
    [Fact]
    public async Task PendingChangeThatVaultHoldsIsCommittedAndPublishedInOrder()
    {
        await fixture.Http.CreateAsync("settle", "svc", "crashed", "v1");
        await WriteVaultDirectlyAsync("settle/svc/crashed", "v2-from-a-crashed-writer");
        var pendingEvent = await InsertPendingAsync("crashed", oldVersion: 1, newVersion: 2);

        var events = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers,
            e => e.Any(x => x.EventId == pendingEvent.ToString()), TimeSpan.FromSeconds(30));

        var ofKey = KafkaEvents.Deduplicated(events).Where(e => e.Key == "settle/svc/crashed").ToList();
        Assert.Equal([("created", 1L), ("updated", 2L)], ofKey.Select(e => (e.EventType, e.Version)));
        Assert.Contains(await fixture.Postgres.ChangeRowsAsync(), r => r is { Key: "crashed", NewVersion: 2, State: "committed" });
    }

    [Fact]
    public async Task PendingChangeThatVaultDoesNotHoldIsAborted()
    {
        await fixture.Http.CreateAsync("settle", "svc", "never", "v1");
        await InsertPendingAsync("never", oldVersion: 1, newVersion: 2);

        var settled = await Eventually.ValueAsync(
            async () => (await fixture.Postgres.ChangeRowsAsync()).Single(r => r.Key == "never" && r.NewVersion == 2).State,
            state => state != "pending", TimeSpan.FromSeconds(30));

        Assert.Equal("aborted", settled);
    }

    private async Task<Guid> InsertPendingAsync(string key, long oldVersion, long newVersion)
    {
        var eventId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO config_changes (event_id, action, environment, service_name, key, old_version, new_version,
                                        is_encrypted, actor, request_id, occurred_at, state)
            VALUES (@id, 'updated', 'settle', 'svc', @key, @old, @new, false, 'crashed-writer', 'req', now(), 'pending')
            """, connection);
        insert.Parameters.AddWithValue("id", eventId);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("old", oldVersion);
        insert.Parameters.AddWithValue("new", newVersion);
        await insert.ExecuteNonQueryAsync();
        return eventId;
    }

    private async Task WriteVaultDirectlyAsync(string path, string value)
    {
        using var vault = new HttpClient { BaseAddress = fixture.Vault.Address };
        vault.DefaultRequestHeaders.Add("X-Vault-Token", fixture.Vault.RootToken);
        var response = await vault.PostAsJsonAsync($"/v1/secret/data/{path}", new { data = new { value, is_encrypted = false } });
        response.EnsureSuccessStatusCode();
    }

    public sealed class ShortGraceFixture : SystemFixture
    {
        protected override IEnumerable<string> ExtraArgs => ["--ChangeRelay:PendingGrace=00:00:01"];
    }
}
