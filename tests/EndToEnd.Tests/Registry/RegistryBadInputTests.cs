namespace ConfigCluster.EndToEnd.Tests.Registry;

/// <summary>Bad registrations, heartbeats and queries get a 400 problem naming the field, and change nothing.</summary>
public sealed class RegistryBadInputTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    public static TheoryData<string, string> BadRegistrations => new()
    {
        { """{"port": 8080, "check": {"type": "ttl", "ttl": "15s"}}""", "address" },
        { """{"address": "10.1.2.3", "check": {"type": "ttl", "ttl": "15s"}}""", "port" },
        { """{"address": "10.1.2.3", "port": 70000, "check": {"type": "ttl", "ttl": "15s"}}""", "port" },
        { """{"address": "10.1.2.3", "port": 8080}""", "check" },
        { """{"address": "10.1.2.3", "port": 8080, "check": {"type": "grpc"}}""", "check.type" },
        { """{"address": "10.1.2.3", "port": 8080, "check": {"type": "ttl", "ttl": "15"}}""", "check.ttl" },
        { """{"address": "10.1.2.3", "port": 8080, "check": {"type": "ttl"}}""", "check.ttl" },
        { """{"address": "10.1.2.3", "port": 8080, "check": {"type": "http", "path": "/h", "interval": "1s", "timeout": "5s"}}""", "check.timeout" },
        { """{"address": "10.1.2.3", "port": 8080, "check": {"type": "http", "interval": "1s", "timeout": "1s"}}""", "check.path" },
        { """{"address": "10.1.2.3", "port": 8080, "scheme": "ftp", "check": {"type": "ttl", "ttl": "15s"}}""", "scheme" },
        { """{"address": "10.1.2.3", "port": 8080, "metadata": {"a": 1}, "check": {"type": "ttl", "ttl": "15s"}}""", "metadata" },
        { """{"address": "10.1.2.3", "port": 8080, "tags": "blue", "check": {"type": "ttl", "ttl": "15s"}}""", "tags" },
        { """{"address": "10.1.2.3", "port": 8080, "deregister_critical_after": "soon", "check": {"type": "ttl", "ttl": "15s"}}""", "deregister_critical_after" },
        { """{"address": "not an address!", "port": 8080, "check": {"type": "ttl", "ttl": "15s"}}""", "address" },
        { """{"address": "10.1.2.3", "port": 8080, "check": {"type": "ttl", "ttl": "15s"}, "colour": "red"}""", "colour" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task ABadRegistrationIsRefusedNamingTheFieldAndStoresNothing(string body, string field)
    {
        using var response = await fixture.Http.RegisterAsync("bad", "api", "a", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        using var read = await fixture.Http.GetInstanceAsync("bad", "api", "a");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/registry/bad env/services/api/instances/a", "environment")]
    [InlineData("/api/v1/registry/bad/services/a..b%2Fc/instances/a", "service")]
    [InlineData("/api/v1/registry/bad/services/api/instances/an%20instance", "instance_id")]
    public async Task ABadNameIsRefused(string path, string field)
    {
        using var response = await fixture.Http.PutAsync(path, new StringContent(RegistryApi.Ttl(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("""{"status": "dead"}""", "status")]
    [InlineData("""{"output": 5}""", "output")]
    [InlineData("""{"beat": true}""", "beat")]
    public async Task ABadHeartbeatIsRefusedAndChangesNothing(string body, string field)
    {
        await fixture.Http.RegisterAsync("bad", "beat", "a", RegistryApi.Ttl());

        using var response = await fixture.Http.HeartbeatAsync("bad", "beat", "a", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("passing", await fixture.Http.StatusOfAsync("bad", "beat", "a"));
    }

    [Theory]
    [InlineData("?healthy=yes", "healthy")]
    [InlineData("?index=-1", "index")]
    [InlineData("?index=1&wait=forever", "wait")]
    [InlineData("?metadata.=x", "metadata.")]
    public async Task ABadQueryIsRefused(string query, string field)
    {
        using var response = await fixture.Http.InstancesAsync("bad", "api", query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
