using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ConfigCluster.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ConfigCluster.EndToEnd.Tests.Access;

/// <summary>
/// API keys across two gateway silos on one database: a key made on one works on the other at once, a key revoked
/// on one is refused by the other within 5 s, the key shows only once, and a canary key never appears in
/// PostgreSQL, Redis, Kafka or the logs. Lists hold only what the caller may read.
/// </summary>
public sealed class ApiKeyLifecycleTests(ApiKeyLifecycleTests.TwoGatewaysFixture fixture) : IClassFixture<ApiKeyLifecycleTests.TwoGatewaysFixture>
{
    [Fact]
    public async Task AKeyRevokedOnOneGatewayIsRefusedByTheOtherWithinFiveSeconds()
    {
        var (id, secret) = await fixture.CreateKeyAsync("ci", """[{"environment":"*","service_name":"*","actions":["read"]}]""");
        using var other = fixture.SecondClientWith(secret);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/config/status")).StatusCode);

        await fixture.RevokeKeyAsync(id);
        var revokedAt = Stopwatch.GetTimestamp();
        await Eventually.ReachesAsync(() => other.GetAsync("/api/v1/config/status"), r => r.StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5), "the second gateway to refuse the revoked key");

        Assert.True(Stopwatch.GetElapsedTime(revokedAt) < TimeSpan.FromSeconds(5));
        using var first = fixture.ClientWith(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/v1/config/status")).StatusCode);
    }

    [Fact]
    public async Task AKeyIsShownOnceAndTheListNeverShowsAKey()
    {
        var (id, secret) = await fixture.CreateKeyAsync("shown-once", """[{"environment":"*","service_name":"*","actions":["read"]}]""");
        using var admin = fixture.ClientWith(fixture.BootstrapKey);

        var listed = await admin.GetStringAsync("/api/v1/auth/keys");

        var one = await admin.GetStringAsync($"/api/v1/auth/keys/{id}");

        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"shown-once\"", one, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed + one, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[4..12], listed, StringComparison.Ordinal);
        Assert.Contains("\"key\":null", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListPageHoldsOnlyWhatTheCallerMayReadAndHidesValuesItMayNotReveal()
    {
        using var admin = fixture.ClientWith(fixture.BootstrapKey);
        await admin.CreateAsync("listing", "billing", "plain", "p1");
        await admin.CreateAsync("listing", "billing", "secret", "s1", encrypted: true);
        await admin.CreateAsync("listing", "auth", "plain", "p2");
        var (_, reader) = await fixture.CreateKeyAsync("billing-reader", """[{"environment":"listing","service_name":"billing","actions":["read"]}]""");
        using var http = fixture.ClientWith(reader);

        using var page = JsonDocument.Parse(await http.GetStringAsync("/api/v1/config?environment=listing"));

        Assert.Equal(2, page.RootElement.GetProperty("total").GetInt32());
        var items = page.RootElement.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal(["plain", "secret"], items.Keys.Order());
        Assert.Equal("p1", items["plain"].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, items["secret"].GetProperty("value").ValueKind);
        Assert.True(items["secret"].GetProperty("is_encrypted").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/config?environment=listing&service_name=auth")).StatusCode);
    }

    [Fact]
    public async Task ACanaryKeyNeverAppearsInPostgresRedisKafkaOrTheLogs()
    {
        var (id, canary) = await fixture.CreateKeyAsync("canary", """[{"environment":"*","service_name":"*","actions":["admin"]}]""");
        using (var http = fixture.ClientWith(canary))
        {
            Assert.Equal(HttpStatusCode.Created, (await http.CreateAsync("canary", "svc", "plain", "v")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.ReadAsync("canary", "svc", "plain")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/auth/keys")).StatusCode);
        }

        using (var wrong = fixture.ClientWith(canary[..^2] + "xx"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.ReadAsync("canary", "svc", "plain")).StatusCode);
        }

        await fixture.RevokeKeyAsync(id);

        var events = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers, e => e.Any(x => x.Key == "canary/svc/plain"), TimeSpan.FromSeconds(30));
        var access = KafkaEvents.ReadUntil(fixture.Kafka.BootstrapServers, KafkaEvents.AccessTopic,
            e => e.Count(x => x.Key == $"api_key/{id}") >= 2, TimeSpan.FromSeconds(30));
        Assert.Equal(["created", "deleted"], access.Where(e => e.Key == $"api_key/{id}").Select(e => e.EventType));
        Assert.All(access.Where(e => e.Key == $"api_key/{id}"),
            e => Assert.Equal("canary", JsonDocument.Parse(e.RawValue).RootElement.GetProperty("details").GetProperty("name").GetString()));
        Assert.DoesNotContain(events.Concat(access), e => e.RawValue.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(await fixture.Postgres.DumpAllRowsAsync(), r => r.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(await RedisContentsAsync(), r => r.Contains(canary, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(canary[4..], StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> RedisContentsAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.RedisConnection);
        var server = redis.GetServers()[0];
        List<string> contents = [];
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            contents.Add(key.ToString());
            if (await redis.GetDatabase().KeyTypeAsync(key) == RedisType.String)
            {
                contents.Add((await redis.GetDatabase().StringGetAsync(key)).ToString());
            }
        }

        return contents;
    }

    /// <summary>The locked-down system with a second gateway silo (its own cluster) on the same database.</summary>
    public sealed class TwoGatewaysFixture : LockedDownFixture
    {
        private WebApplication? _second;

        public Uri SecondAddress { get; private set; } = null!;

        public HttpClient SecondClientWith(string key)
        {
            var client = new HttpClient { BaseAddress = SecondAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return client;
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            string[] args =
            [
                "--urls=http://127.0.0.1:0", .. DependencyArgs, .. ExtraArgs, $"--Cluster:SiloPort={FreePort.Next()}", "--Cluster:GatewayPort=0",
                "--Logging:LogLevel:Default=Warning",
            ];
            _second = GatewayApp.Build(args, services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
            await _second.StartAsync();
            SecondAddress = new Uri(_second.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        }

        public override async Task DisposeAsync()
        {
            if (_second is not null)
            {
                await _second.StopAsync();
                await _second.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }
}
