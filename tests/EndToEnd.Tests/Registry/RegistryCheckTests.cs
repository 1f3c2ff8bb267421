namespace ConfigCluster.EndToEnd.Tests.Registry;

/// <summary>
/// Health checks against real endpoints that go up and down: TTLs, HTTP and TCP checks, and the consecutive results
/// a status change needs.
/// </summary>
public sealed class RegistryCheckTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ATtlInstanceGoesCriticalWithoutHeartbeatsAndPassingWithTheNextOne()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await fixture.Http.RegisterAsync("chk", "ttl", "a", RegistryApi.Ttl("1s"));
        Assert.Equal("passing", await fixture.Http.StatusOfAsync("chk", "ttl", "a"));

        var expired = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "ttl", "a"), s => s == "critical", Within);
        var afterExpiry = clock.Elapsed;
        using var heartbeat = await fixture.Http.HeartbeatAsync("chk", "ttl", "a");
        var output = (await (await fixture.Http.GetInstanceAsync("chk", "ttl", "a")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("output").GetString();

        Assert.Equal("critical", expired);
        Assert.InRange(afterExpiry, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        Assert.Equal("passing", await fixture.Http.StatusOfAsync("chk", "ttl", "a"));
        Assert.NotNull(output);
    }

    [Fact]
    public async Task HeartbeatsWithinTheTtlKeepAnInstancePassing()
    {
        await fixture.Http.RegisterAsync("chk", "beating", "a", RegistryApi.Ttl("1s"));

        // A client that beats on its own schedule, four times a TTL, for three TTLs.
        var statuses = new List<string>();
        using var schedule = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        for (var beat = 0; beat < 12 && await schedule.WaitForNextTickAsync(); beat++)
        {
            using var answer = await fixture.Http.HeartbeatAsync("chk", "beating", "a");
            statuses.Add((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!);
        }

        Assert.Equal(12, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("passing", s));
        Assert.Equal("passing", await fixture.Http.StatusOfAsync("chk", "beating", "a"));
    }

    [Fact]
    public async Task AnHttpCheckPassesOn2xxWarnsOn429AndGoesCriticalAfterTwoFailuresInARow()
    {
        await using var endpoint = HealthEndpoint.Start();
        await fixture.Http.RegisterAsync("chk", "http", "a", RegistryApi.Http(endpoint.Port));

        var passing = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "http", "a"), s => s == "passing", Within);
        endpoint.Status = 429;
        var warning = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "http", "a"), s => s == "warning", Within);
        endpoint.Status = 200;
        await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "http", "a"), s => s == "passing", Within);
        endpoint.Status = 503;
        var critical = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "http", "a"), s => s == "critical", Within);
        var body = await (await fixture.Http.GetInstanceAsync("chk", "http", "a")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(("passing", "warning", "critical"), (passing, warning, critical));
        Assert.Contains("503", body.GetProperty("output").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusChangesOnlyAfterTheConsecutiveResultsItsCheckAsksFor()
    {
        await using var endpoint = HealthEndpoint.Start();
        endpoint.Status = 500;
        var check = """, "success_before_passing": 3, "failures_before_critical": 3""";
        await fixture.Http.RegisterAsync("chk", "threshold", "a", RegistryApi.Http(endpoint.Port, interval: "300ms", timeout: "200ms", check: check));
        await Eventually.ValueAsync(() => Task.FromResult(endpoint.Connections), c => c >= 2, Within);

        endpoint.Status = 200;
        var before = endpoint.Connections;
        var passing = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "threshold", "a"), s => s == "passing", Within);
        var checksToPass = endpoint.Connections - before;
        endpoint.Status = 500;
        before = endpoint.Connections;
        var critical = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "threshold", "a"), s => s == "critical", Within);
        var checksToFail = endpoint.Connections - before;

        Assert.Equal(("passing", "critical"), (passing, critical));
        Assert.InRange(checksToPass, 3, 5);
        Assert.InRange(checksToFail, 3, 5);
    }

    [Fact]
    public async Task AnHttpCheckOfAStoppedEndpointGoesCriticalWithinTwoIntervalsAndTheTimeout()
    {
        await using var endpoint = HealthEndpoint.Start();
        await fixture.Http.RegisterAsync("chk", "dying", "a", RegistryApi.Http(endpoint.Port, interval: "500ms", timeout: "300ms"));
        await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "dying", "a"), s => s == "passing", Within);

        await endpoint.StopListeningAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var critical = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "dying", "a"), s => s == "critical", Within);

        Assert.Equal("critical", critical);
        // Two failures in a row (the default), an interval apart, each within the timeout; plus a second of slack.
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(2 * 500 + 300 + 1000), $"critical after {clock.Elapsed}");
        var output = (await (await fixture.Http.GetInstanceAsync("chk", "dying", "a")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("output").GetString();
        Assert.Contains("connection refused", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATcpCheckPassesWhileItsPortAcceptsAndGoesCriticalWhenItStops()
    {
        await using var endpoint = HealthEndpoint.Start();
        await fixture.Http.RegisterAsync("chk", "tcp", "a", RegistryApi.Tcp(endpoint.Port));

        var passing = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "tcp", "a"), s => s == "passing", Within);
        await endpoint.StopListeningAsync();
        var critical = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "tcp", "a"), s => s == "critical", Within);
        endpoint.Listen();
        var back = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("chk", "tcp", "a"), s => s == "passing", Within);

        Assert.Equal(("passing", "critical", "passing"), (passing, critical, back));
    }

    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        await using var target = HealthEndpoint.Start();
        await using var endpoint = HealthEndpoint.Start();
        endpoint.Status = 302;
        endpoint.Location = $"http://127.0.0.1:{target.Port}/health";
        await fixture.Http.RegisterAsync("chk", "redirect", "a", RegistryApi.Http(endpoint.Port, check: """, "failures_before_critical": 1"""));

        await Eventually.ValueAsync(() => Task.FromResult(endpoint.Connections), c => c >= 3, Within);
        var body = await (await fixture.Http.GetInstanceAsync("chk", "redirect", "a")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("critical", body.GetProperty("status").GetString());
        Assert.Contains("redirects are not followed", body.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task OnlyATtlInstanceTakesHeartbeats()
    {
        await using var endpoint = HealthEndpoint.Start();
        await fixture.Http.RegisterAsync("chk", "no-beat", "a", RegistryApi.Http(endpoint.Port));

        using var heartbeat = await fixture.Http.HeartbeatAsync("chk", "no-beat", "a");

        Assert.Equal(HttpStatusCode.BadRequest, heartbeat.StatusCode);
        Assert.Contains("ttl", await heartbeat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
