namespace ConfigCluster.EndToEnd.Tests.Registry;

/// <summary>Registering, reading, updating and deregistering instances, and the queries that list them.</summary>
public sealed class RegistryApiTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task ARegistrationAnswersEveryFieldWithItsIndexAndARepeatChangesNothing()
    {
        var body = RegistryApi.Ttl(extra: """, "scheme": "https", "metadata": {"version": "1.4"}, "tags": ["blue"], "weight": 3, "deregister_critical_after": "1m30s" """);

        using var created = await fixture.Http.RegisterAsync("reg", "api", "i-1", body);
        using var repeated = await fixture.Http.RegisterAsync("reg", "api", "i-1", body);
        using var changed = await fixture.Http.RegisterAsync("reg", "api", "i-1", body.Replace("\"weight\": 3", "\"weight\": 4", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/registry/reg/services/api/instances/i-1", created.Headers.Location!.OriginalString);
        using var first = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var instance = first.RootElement;
        Assert.Equal(("reg", "api", "i-1"), (instance.GetProperty("environment").GetString(), instance.GetProperty("service").GetString(), instance.GetProperty("instance_id").GetString()));
        Assert.Equal(("10.1.2.3", 8080, "https", 3), (instance.GetProperty("address").GetString(), instance.GetProperty("port").GetInt32(),
            instance.GetProperty("scheme").GetString(), instance.GetProperty("weight").GetInt32()));
        Assert.Equal("1.4", instance.GetProperty("metadata").GetProperty("version").GetString());
        Assert.Equal("""["blue"]""", instance.GetProperty("tags").GetRawText());
        Assert.Equal("""{"type":"ttl","ttl":"15s"}""", instance.GetProperty("check").GetRawText());
        Assert.Equal("1m30s", instance.GetProperty("deregister_critical_after").GetString());
        Assert.Equal("passing", instance.GetProperty("status").GetString());
        Assert.EndsWith("Z", instance.GetProperty("registered_at").GetString());
        Assert.EndsWith("Z", instance.GetProperty("last_heartbeat_at").GetString());
        Assert.EndsWith("Z", instance.GetProperty("status_changed_at").GetString());
        var index = instance.GetProperty("index").GetInt64();
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(index, (await repeated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("index").GetInt64());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("index").GetInt64() > index);
    }

    [Fact]
    public async Task ADeregisteredInstanceIsGoneAndItsHeartbeatDoesNotBringItBack()
    {
        await fixture.Http.RegisterAsync("reg", "gone", "i-1", RegistryApi.Ttl());

        using var deregistered = await fixture.Http.DeregisterAsync("reg", "gone", "i-1");
        using var heartbeat = await fixture.Http.HeartbeatAsync("reg", "gone", "i-1");
        using var read = await fixture.Http.GetInstanceAsync("reg", "gone", "i-1");
        using var again = await fixture.Http.DeregisterAsync("reg", "gone", "i-1");

        Assert.Equal(HttpStatusCode.NoContent, deregistered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, heartbeat.StatusCode);
        Assert.Equal("application/problem+json", heartbeat.Content.Headers.ContentType!.MediaType);
        Assert.Contains("register again", await heartbeat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Empty(await fixture.Http.StatusesAsync("reg", "gone"));
    }

    [Fact]
    public async Task AHeartbeatMaySayItsOwnStatusAndOutput()
    {
        await fixture.Http.RegisterAsync("reg", "said", "i-1", RegistryApi.Ttl());

        using var warning = await fixture.Http.HeartbeatAsync("reg", "said", "i-1", """{"status": "warning", "output": "disk 91% full"}""");
        var listed = await fixture.Http.StatusesAsync("reg", "said");
        using var passing = await fixture.Http.HeartbeatAsync("reg", "said", "i-1");

        var body = await warning.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("warning", "disk 91% full"), (body.GetProperty("status").GetString(), body.GetProperty("output").GetString()));
        Assert.Equal(["i-1=warning"], listed);
        Assert.Equal("passing", (await passing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ListsFilterByHealthTagAndMetadata()
    {
        await fixture.Http.RegisterAsync("reg", "filtered", "a", RegistryApi.Ttl(extra: """, "tags": ["blue"], "metadata": {"zone": "a"}"""));
        await fixture.Http.RegisterAsync("reg", "filtered", "b", RegistryApi.Ttl(extra: """, "tags": ["green"], "metadata": {"zone": "b"}"""));
        await fixture.Http.RegisterAsync("reg", "filtered", "c", RegistryApi.Ttl(extra: """, "tags": ["blue"], "metadata": {"zone": "b"}"""));
        await fixture.Http.HeartbeatAsync("reg", "filtered", "c", """{"status": "critical"}""");

        Assert.Equal(["a=passing", "b=passing", "c=critical"], await fixture.Http.StatusesAsync("reg", "filtered"));
        Assert.Equal(["a=passing", "b=passing"], await fixture.Http.StatusesAsync("reg", "filtered", "?healthy=true"));
        Assert.Equal(["a=passing", "c=critical"], await fixture.Http.StatusesAsync("reg", "filtered", "?tag=blue"));
        Assert.Equal(["c=critical"], await fixture.Http.StatusesAsync("reg", "filtered", "?tag=blue&metadata.zone=b"));
        Assert.Equal(["b=passing"], await fixture.Http.StatusesAsync("reg", "filtered", "?healthy=true&metadata.zone=b"));
    }

    [Fact]
    public async Task TheServicesOfAnEnvironmentComeWithTheirCountsTagsAndIndex()
    {
        await fixture.Http.RegisterAsync("reg-services", "api", "a", RegistryApi.Ttl(extra: """, "tags": ["blue"]"""));
        await fixture.Http.RegisterAsync("reg-services", "api", "b", RegistryApi.Ttl(extra: """, "tags": ["green"]"""));
        await fixture.Http.HeartbeatAsync("reg-services", "api", "b", """{"status": "critical"}""");
        await fixture.Http.RegisterAsync("reg-services", "web", "w", RegistryApi.Ttl());

        var body = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/v1/registry/reg-services/services");

        var services = body.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(["api", "web"], services.Select(s => s.GetProperty("service").GetString()));
        Assert.Equal((2, 1, 0, 1), (services[0].GetProperty("instances").GetInt32(), services[0].GetProperty("passing").GetInt32(),
            services[0].GetProperty("warning").GetInt32(), services[0].GetProperty("critical").GetInt32()));
        Assert.Equal("""["blue","green"]""", services[0].GetProperty("tags").GetRawText());
        Assert.True(services[0].GetProperty("index").GetInt64() > 0);
    }

    [Fact]
    public async Task ABlockingQueryAnswersWhenTheServiceChanges()
    {
        using var registered = await fixture.Http.RegisterAsync("reg", "watched", "a", RegistryApi.Ttl());
        using var first = await fixture.Http.InstancesAsync("reg", "watched");
        var index = long.Parse(first.Headers.GetValues("X-Registry-Index").Single(), System.Globalization.CultureInfo.InvariantCulture);

        var waiting = fixture.Http.InstancesAsync("reg", "watched", $"?index={index}&wait=30s");
        // Nothing has changed yet: the query holds its answer.
        Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(300))));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await fixture.Http.RegisterAsync("reg", "watched", "b", RegistryApi.Ttl());
        using var answered = await waiting;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed}");
        Assert.True(long.Parse(answered.Headers.GetValues("X-Registry-Index").Single(), System.Globalization.CultureInfo.InvariantCulture) > index);
        Assert.Equal(["a=passing", "b=passing"], (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instances")
            .EnumerateArray().Select(i => $"{i.GetProperty("instance_id").GetString()}={i.GetProperty("status").GetString()}"));
    }

    [Fact]
    public async Task ABlockingQueryWithoutAChangeAnswersWhenItsWaitEnds()
    {
        await fixture.Http.RegisterAsync("reg", "quiet", "a", RegistryApi.Ttl());
        using var first = await fixture.Http.InstancesAsync("reg", "quiet");
        var index = first.Headers.GetValues("X-Registry-Index").Single();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var answered = await fixture.Http.InstancesAsync("reg", "quiet", $"?index={index}&wait=1s");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(10));
        Assert.Equal(index, answered.Headers.GetValues("X-Registry-Index").Single());
    }

    [Fact]
    public async Task AnInstanceCriticalLongerThanItsDeregisterCriticalAfterIsRemoved()
    {
        await fixture.Http.RegisterAsync("reg", "expiring", "a", RegistryApi.Ttl(extra: """, "deregister_critical_after": "1s" """));
        await fixture.Http.HeartbeatAsync("reg", "expiring", "a", """{"status": "critical"}""");

        var status = await Eventually.ValueAsync(() => fixture.Http.StatusOfAsync("reg", "expiring", "a"), s => s == "absent", TimeSpan.FromSeconds(10));

        Assert.Equal("absent", status);
        using var heartbeat = await fixture.Http.HeartbeatAsync("reg", "expiring", "a");
        Assert.Equal(HttpStatusCode.NotFound, heartbeat.StatusCode);
    }
}
