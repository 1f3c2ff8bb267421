namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>Create of an existing key, and update or delete of a missing one (decision 4).</summary>
public sealed class ConfigConflictTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _http = fixture.Http;
    private readonly string _environment = $"conflict-{Guid.NewGuid():N}";

    [Fact]
    public async Task CreateOfAnExistingKeyAnswers409AndKeepsTheValue()
    {
        await _http.CreateAsync(_environment, "svc", "dup", "first");

        var again = await _http.CreateAsync(_environment, "svc", "dup", "second");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("already_exists", (await again.ReadProblemAsync()).Code);
        var current = await (await _http.GetConfigAsync(_environment, "svc", "dup")).ReadConfigAsync();
        Assert.Equal(("first", 1L), (current.Value, current.Version));
    }

    [Fact]
    public async Task UpdateOfAMissingKeyAnswers404AndCreatesNothing()
    {
        var response = await _http.UpdateAsync(_environment, "svc", "missing", "value");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ReadProblemAsync()).Code);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetConfigAsync(_environment, "svc", "missing")).StatusCode);
    }

    [Fact]
    public async Task DeleteOfAMissingKeyAnswers404()
    {
        var response = await _http.DeleteConfigAsync(_environment, "svc", "never");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task CreateAfterDeleteStartsAgainAtVersionOne()
    {
        await _http.CreateAsync(_environment, "svc", "reborn", "one");
        await _http.UpdateAsync(_environment, "svc", "reborn", "two");
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteConfigAsync(_environment, "svc", "reborn")).StatusCode);

        var created = await _http.CreateAsync(_environment, "svc", "reborn", "three");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await created.ReadConfigAsync()).Version);
    }

    [Fact]
    public async Task OlderVersionIsReadWhileVaultKeepsIt()
    {
        await _http.CreateAsync(_environment, "svc", "history", "one");
        await _http.UpdateAsync(_environment, "svc", "history", "two");

        var first = await _http.GetAsync(ConfigApiClient.PathOf(_environment, "svc", "history") + "&version=1");
        var missing = await _http.GetAsync(ConfigApiClient.PathOf(_environment, "svc", "history") + "&version=9");

        var old = await first.ReadConfigAsync();
        Assert.Equal(("one", 1L), (old.Value, old.Version));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
