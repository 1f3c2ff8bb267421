using StackExchange.Redis;

namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// An encrypted value exists nowhere but Vault: a canary secret taken through its whole life never
/// appears in Redis, in any Kafka message, in any PostgreSQL table, or in the service's log output.
/// </summary>
public sealed class SecretCanaryTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task CanarySecretNeverAppearsInRedisKafkaPostgresOrLogs()
    {
        var canary = $"CANARY{Guid.NewGuid():N}";
        var http = fixture.Http;
        Assert.Equal(HttpStatusCode.Created, (await http.CreateAsync("prod", "billing", "db_password", $"{canary}-1", encrypted: true)).StatusCode);
        Assert.Equal($"{canary}-1", (await (await http.ReadAsync("prod", "billing", "db_password")).ValueAsync()).Value);
        await (await http.UpdateAsync("prod", "billing", "db_password", $"{canary}-2")).ValueAsync();
        await (await http.UpdateAsync("prod", "billing", "db_password", "plain-for-a-while", encrypted: false)).ValueAsync();
        await (await http.ReadAsync("prod", "billing", "db_password")).ValueAsync();
        var whilePlain = await RedisContentsAsync();
        Assert.Contains(whilePlain, c => c == $"{fixture.RedisPrefix}prod/billing/db_password");
        Assert.DoesNotContain(whilePlain, s => s.Contains(canary, StringComparison.Ordinal));
        await (await http.UpdateAsync("prod", "billing", "db_password", $"{canary}-3", encrypted: true)).ValueAsync();
        var listed = await http.GetStringAsync("/api/v1/config?environment=prod");
        Assert.Contains($"{canary}-3", listed);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("prod", "billing", "db_password")).StatusCode);

        var events = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers, e => KafkaEvents.Deduplicated(e).Count >= 5, TimeSpan.FromSeconds(30));
        Assert.Equal(["created", "updated", "updated", "updated", "deleted"], KafkaEvents.Deduplicated(events).Select(e => e.EventType));
        Assert.DoesNotContain(events, e => e.RawValue.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(await RedisContentsAsync(), s => s.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(await fixture.Postgres.DumpAllRowsAsync(), r => r.Contains(canary, StringComparison.Ordinal));
        Assert.NotEmpty(fixture.Logs.Lines);
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(canary, StringComparison.Ordinal));
    }

    /// <summary>Every key and string value in the whole Redis, not only this service's prefix.</summary>
    private async Task<IReadOnlyList<string>> RedisContentsAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.RedisConnection + ",allowAdmin=true");
        var server = redis.GetServers().Single();
        var database = redis.GetDatabase();
        var contents = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            contents.Add(key.ToString());
            if (await database.KeyTypeAsync(key) == RedisType.String)
            {
                contents.Add((await database.StringGetAsync(key)).ToString());
            }
        }

        return contents;
    }
}
