using System.Diagnostics;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>
/// The legacy-table migration end to end: a legacy table in the fixture's PostgreSQL, planned, migrated through the
/// config grains (audit rows, events, Vault, the cache's rules for encrypted values), run again, pruned.
/// </summary>
public sealed class LegacyMigrationTests(MigrationFixture fixture, ITestOutputHelper output) : IClassFixture<MigrationFixture>
{
    private const int Rows = 5000;
    private static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FiveThousandRowsArePlannedThenMigratedOnceWithAuditAndEventsAndARerunChangesNothing()
    {
        var table = await LegacyConfigTable.CreateAsync(fixture.Postgres.ConnectionString, "legacy_bulk");
        var rows = Enumerable.Range(0, Rows).Select(BulkRow).ToList();
        await table.InsertAsync(rows);
        await PlantAsync(fixture.Http, rows.Skip(50).Take(50), differentValue: true);
        await PlantAsync(fixture.Http, rows.Skip(100).Take(50), differentValue: false);
        var body = new { connection_string = fixture.Postgres.ConnectionString, table = "legacy_bulk", dry_run = true };

        var plan = await RunAsync(body);
        Assert.Equal(100, (await fixture.Postgres.CreatedAuditRowsAsync("bulk")).Count);
        AssertCounts(plan, total: Rows, toCreate: 4850, created: 0, unchanged: 50, conflicts: 50, invalid: 50);
        Assert.True(plan.GetProperty("dry_run").GetBoolean());
        Assert.Contains(plan.GetProperty("conflicts").EnumerateArray(), c =>
            c.GetProperty("environment").GetString() == "bulk" && c.GetProperty("key").GetString() == "key-0050");
        Assert.All(plan.GetProperty("invalid").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("reason").GetString())));

        var clock = Stopwatch.StartNew();
        var migrated = await RunAsync(body with { dry_run = false });
        output.WriteLine($"{Rows} rows migrated in {clock.ElapsedMilliseconds} ms: {Rows / clock.Elapsed.TotalSeconds:0} rows/s end to end; " +
            $"the run says {migrated.GetProperty("summary").GetString()}");
        AssertCounts(migrated, total: Rows, toCreate: 4850, created: 4850, unchanged: 50, conflicts: 50, invalid: 50);
        Assert.Equal(4850, migrated.Count("verified"));
        Assert.Equal(0, migrated.Count("removed"));
        var audit = await fixture.Postgres.CreatedAuditRowsAsync("bulk");
        Assert.Equal(4950, audit.Count);
        Assert.All(audit, a => Assert.Equal(1, a.Value));
        // The relay publishes from the outbox behind the acknowledgements: on a loaded machine 5,000 events take a while.
        HashSet<string> createdSoFar = [];
        var looked = 0;
        var events = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers, e =>
        {
            // Only the events read since the last look: 5,000 events, not 5,000 squared.
            for (; looked < e.Count; looked++)
            {
                if (e[looked] is { EventType: "created" } created && created.Key.StartsWith("bulk/", StringComparison.Ordinal))
                {
                    createdSoFar.Add(created.Key);
                }
            }

            return createdSoFar.Count >= 4950;
        }, TimeSpan.FromSeconds(120));
        Assert.Equal(4950, CreatedKeys(events).Count);
        Assert.Equal(audit.Keys.Order(), CreatedKeys(events).Order());
        await AssertEncryptedRowsLandedEncryptedAndNotInRedisAsync(rows);

        var rerun = await RunAsync(body with { dry_run = false });
        AssertCounts(rerun, total: Rows, toCreate: 0, created: 0, unchanged: 4900, conflicts: 50, invalid: 50);
        Assert.Equal(4950, (await fixture.Postgres.CreatedAuditRowsAsync("bulk")).Count);
        Assert.Equal(Rows, (await table.AddressesAsync()).Count);
    }

    [Fact]
    public async Task RemoveMigratedDeletesOnlyTheLegacyRowsThatAreVerifiedOrAlreadyInVault()
    {
        var table = await LegacyConfigTable.CreateAsync(fixture.Postgres.ConnectionString, "legacy_prune");
        (string?, string?, string?, string?, bool)[] rows =
        [
            ("prune", "svc", "new-1", "v1", false), ("prune", "svc", "new-2", "v2", true), ("prune", "svc", "new-3", "v3", false),
            ("prune", "svc", "same-1", "s1", false), ("prune", "svc", "same-2", "s2", true),
            ("prune", "svc", "conflict-1", "legacy", false), ("prune", "svc", "conflict-2", "legacy", true),
            ("prune", "svc", "bad key", "x", false), ("prune", "svc/x", "bad-svc", "x", false),
        ];
        await table.InsertAsync(rows);
        await PlantAsync(fixture.Http, rows[3..5], differentValue: false);
        await PlantAsync(fixture.Http, rows[5..7], differentValue: true);

        var dryRun = await RunAsync(new { connection_string = fixture.Postgres.ConnectionString, table = "legacy_prune", dry_run = true, remove_migrated = true });
        Assert.Equal(0, dryRun.Count("removed"));
        Assert.Equal(rows.Length, (await table.AddressesAsync()).Count);

        var report = await RunAsync(new { connection_string = fixture.Postgres.ConnectionString, table = "legacy_prune", remove_migrated = true });

        AssertCounts(report, total: 9, toCreate: 3, created: 3, unchanged: 2, conflicts: 2, invalid: 2);
        Assert.Equal(3, report.Count("verified"));
        Assert.Equal(5, report.Count("removed"));
        Assert.Equal(["prune/svc/bad key", "prune/svc/conflict-1", "prune/svc/conflict-2", "prune/svc/x/bad-svc"], await table.AddressesAsync());
    }

    [Fact]
    public async Task BadRequestsAnswerProblemsWithACodeAndStartNothing()
    {
        var connection = fixture.Postgres.ConnectionString;
        await LegacyConfigTable.CreateAsync(connection, "legacy_bad");
        (object Body, HttpStatusCode Status, string Code, string? Field)[] cases =
        [
            (new { connection_string = connection, tabel = "configs" }, HttpStatusCode.BadRequest, "invalid", "tabel"),
            (new { table = "configs" }, HttpStatusCode.BadRequest, "invalid", "connection_string"),
            (new { connection_string = connection, table = "configs; DROP TABLE config_changes" }, HttpStatusCode.BadRequest, "invalid", "table"),
            (new { connection_string = connection, table = "legacy_bad", columns = new { key = "name\"--" } }, HttpStatusCode.BadRequest, "invalid", "columns.key"),
            (new { connection_string = connection, table = "legacy_bad", columns = new { owner = "x" } }, HttpStatusCode.BadRequest, "invalid", "columns.owner"),
            (new { connection_string = connection, dry_run = "yes" }, HttpStatusCode.BadRequest, "invalid", "dry_run"),
            (new { connection_string = "postgresql://" }, HttpStatusCode.BadRequest, "invalid", "connection_string"),
            (new { connection_string = connection, table = "no_such_table" }, HttpStatusCode.UnprocessableEntity, "legacy_source_unavailable", null),
            (new { connection_string = connection, table = "legacy_bad", columns = new { value = "payload" } }, HttpStatusCode.UnprocessableEntity, "legacy_source_unavailable", null),
        ];

        foreach (var (body, status, code, field) in cases)
        {
            var response = await fixture.Http.StartMigrationAsync(body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{JsonSerializer.Serialize(body)} answered {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal(code, problem.GetProperty("code").GetString());
            if (field is not null)
            {
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), text);
            }

            Assert.DoesNotContain(connection, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync($"/api/v1/admin/migrations/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task ACallerWithoutAdminEverywhereMayNeitherStartNorPollAMigration()
    {
        var created = await fixture.Http.PostAsJsonAsync("/api/v1/auth/keys", new
        {
            name = "migration-writer",
            grants = new[] { new { environment = "*", service_name = "*", actions = new[] { "read", "reveal", "write" } } },
        });
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        using var writer = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        writer.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var start = await writer.StartMigrationAsync(new { connection_string = fixture.Postgres.ConnectionString, table = "legacy_none" });
        var poll = await writer.GetAsync($"/api/v1/admin/migrations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal("forbidden", (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
    }

    private async Task<JsonElement> RunAsync(object body)
    {
        var (location, accepted) = await fixture.Http.StartedMigrationAsync(body);
        Assert.Equal("running", accepted.GetProperty("state").GetString());
        var finished = await fixture.Http.FinishedAsync(location, RunBudget);
        Assert.True(finished.GetProperty("state").GetString() == "completed", finished.GetRawText());
        Assert.Equal(finished.GetProperty("rows_total").GetInt64(), finished.GetProperty("rows_done").GetInt64());
        output.WriteLine($"{finished.GetProperty("rows_done").GetInt64()} rows at {finished.GetProperty("rows_per_second").GetDouble()} rows/s");
        return finished.GetProperty("report");
    }

    /// <summary>Creates these rows' configs through the API first: with the row's value, or another one (a conflict).</summary>
    internal static async Task PlantAsync(HttpClient http, IEnumerable<(string? Env, string? Svc, string? Key, string? Value, bool Encrypted)> rows, bool differentValue)
    {
        foreach (var chunk in rows.Chunk(16))
        {
            var responses = await Task.WhenAll(chunk.Select(r =>
                http.CreateAsync(r.Env!, r.Svc!, r.Key!, differentValue ? $"{r.Value}-in-vault" : r.Value!, r.Encrypted)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        }
    }

    private async Task AssertEncryptedRowsLandedEncryptedAndNotInRedisAsync(IReadOnlyList<(string? Env, string? Svc, string? Key, string? Value, bool Encrypted)> rows)
    {
        var encrypted = rows.Skip(150).Where(r => r.Encrypted).ToList();
        var read = await (await fixture.Http.ReadAsync("bulk", encrypted[0].Svc!, encrypted[0].Key!)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(read.GetProperty("is_encrypted").GetBoolean());
        Assert.Equal(encrypted[0].Value, read.GetProperty("value").GetString());
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.RedisConnection);
        var cached = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in redis.GetServers().Single().KeysAsync(pattern: $"{fixture.RedisPrefix}bulk/*"))
        {
            cached.Add(key.ToString()[fixture.RedisPrefix.Length..]);
        }

        Assert.DoesNotContain(encrypted, r => cached.Contains($"bulk/{r.Svc}/{r.Key}"));
    }

    private static HashSet<string> CreatedKeys(IEnumerable<KafkaEvents.Event> events) =>
        [.. KafkaEvents.Deduplicated(events).Where(e => e.EventType == "created" && e.Key.StartsWith("bulk/", StringComparison.Ordinal)).Select(e => e.Key)];

    /// <summary>Row i: 0-49 invalid names, 50-99 planted conflicts, 100-149 already in Vault, the rest new; every 7th encrypted.</summary>
    private static (string? Env, string? Svc, string? Key, string? Value, bool Encrypted) BulkRow(int i) =>
        ("bulk", $"svc-{i % 10}", i < 50 ? (i == 0 ? new string('k', 200) : $"bad key {i}") : $"key-{i:D4}", $"value-{i}", i % 7 == 0);

    private static void AssertCounts(JsonElement report, long total, long toCreate, long created, long unchanged, long conflicts, long invalid)
    {
        var actual = (report.Count("total"), report.Count("to_create"), report.Count("created"), report.Count("unchanged"),
            report.Count("conflict_count"), report.Count("invalid_count"), report.Count("failed_count"));
        Assert.Equal((total, toCreate, created, unchanged, conflicts, invalid, 0L), actual);
    }
}
