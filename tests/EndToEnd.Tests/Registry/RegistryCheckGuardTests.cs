namespace ConfigCluster.EndToEnd.Tests.Registry;

/// <summary>
/// A health check cannot be turned against another host or the silo's own neighbourhood: with the guard's defaults,
/// registrations whose check would reach loopback, link-local (cloud metadata) or 0.0.0.0/8, or another host, are
/// refused with a clear 400, store nothing, and nothing is ever connected to.
/// </summary>
public sealed class RegistryCheckGuardTests(GuardedRegistryFixture fixture) : IClassFixture<GuardedRegistryFixture>
{
    public static TheoryData<string> RefusedAddresses => ["169.254.169.254", "0.0.0.0", "127.0.0.1", "::1", "fe80::1", "localhost"];

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public async Task AnHttpCheckOfARefusedAddressIsRefusedNamingTheAddress(string address)
    {
        var body = $$$"""{"address": "{{{address}}}", "port": 80, "check": {"type": "http", "path": "/", "interval": "1s", "timeout": "1s"}}""";

        using var response = await fixture.Http.RegisterAsync("guard", "api", "a", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Registry:AllowedCheckNetworks", problem.GetProperty("errors").GetProperty("address")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await fixture.Http.StatusesAsync("guard", "api"));
    }

    [Fact]
    public async Task ALoopbackEndpointIsNeverConnectedToWhenLoopbackIsNotAllowed()
    {
        await using var endpoint = HealthEndpoint.Start();

        using var http = await fixture.Http.RegisterAsync("guard", "loop", "a", RegistryApi.Http(endpoint.Port));
        using var tcp = await fixture.Http.RegisterAsync("guard", "loop", "b", RegistryApi.Tcp(endpoint.Port));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (http.StatusCode, tcp.StatusCode));
        Assert.Equal(0, endpoint.Connections);
    }

    public static TheoryData<string, string> ElsewhereChecks => new()
    {
        { """{"type": "http", "http": "http://169.254.169.254/latest/meta-data", "interval": "1s", "timeout": "1s"}""", "check.http" },
        { """{"type": "http", "path": "//169.254.169.254/latest", "interval": "1s", "timeout": "1s"}""", "check.path" },
        { """{"type": "http", "path": "http://169.254.169.254/", "interval": "1s", "timeout": "1s"}""", "check.path" },
        { """{"type": "tcp", "tcp": "10.0.0.9:22", "interval": "1s", "timeout": "1s"}""", "check.tcp" },
        { """{"type": "http", "path": "/", "port": 22, "interval": "1s", "timeout": "1s"}""", "check.port" },
    };

    [Theory]
    [MemberData(nameof(ElsewhereChecks))]
    public async Task ACheckThatWouldTargetAnotherHostOrPortIsRefused(string check, string field)
    {
        var body = $$$"""{"address": "10.1.2.3", "port": 8080, "check": {{{check}}}}""";

        using var response = await fixture.Http.RegisterAsync("guard", "elsewhere", "a", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Empty(await fixture.Http.StatusesAsync("guard", "elsewhere"));
    }

    [Fact]
    public async Task ATtlInstanceMayRegisterAnyAddressAsNoCheckConnectsToIt()
    {
        using var response = await fixture.Http.RegisterAsync("guard", "ttl", "a", RegistryApi.Ttl().Replace("10.1.2.3", "127.0.0.1", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
