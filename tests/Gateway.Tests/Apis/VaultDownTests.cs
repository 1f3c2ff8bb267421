namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// The dev Vault server is stopped mid-test (decision 8): writes answer 503 with the guide's message
/// and change nothing, reads Vault must answer are 404s that say why, status says vault_enabled false,
/// and everything works again once Vault is back.
/// </summary>
public sealed class VaultDownTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private readonly HttpClient _http = fixture.Http;
    private readonly string _environment = $"down-{Guid.NewGuid():N}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.RestoreVaultAsync();

    [Fact]
    public async Task WritesAnswer503WithTheGuidesMessageAndChangeNothing()
    {
        await _http.CreateAsync(_environment, "svc", "existing", "before", isEncrypted: true);
        await fixture.StopVaultAsync();

        var create = await _http.CreateAsync(_environment, "svc", "new", "value");
        var update = await _http.UpdateAsync(_environment, "svc", "existing", "after");
        var delete = await _http.DeleteConfigAsync(_environment, "svc", "existing");

        await AssertUnavailableAsync(create, "Cannot create configuration: Vault is not available");
        await AssertUnavailableAsync(update, "Cannot update configuration: Vault is not available");
        await AssertUnavailableAsync(delete, "Cannot delete configuration: Vault is not available");

        await fixture.StartVaultAsync();
        var existing = await (await _http.GetConfigAsync(_environment, "svc", "existing")).ReadConfigAsync();
        Assert.Equal(("before", 1L), (existing.Value, existing.Version));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetConfigAsync(_environment, "svc", "new")).StatusCode);
    }

    [Fact]
    public async Task ReadOfAnEncryptedConfigAnswers404SayingVaultIsNotAvailable()
    {
        await _http.CreateAsync(_environment, "svc", "secret", "hidden", isEncrypted: true);
        await fixture.StopVaultAsync();

        var read = await _http.GetConfigAsync(_environment, "svc", "secret");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var problem = await read.ReadProblemAsync();
        Assert.Equal("vault_unavailable", problem.Code);
        Assert.Contains("Vault is not available", problem.Detail);
        await fixture.StartVaultAsync();
        Assert.Equal("hidden", (await (await _http.GetConfigAsync(_environment, "svc", "secret")).ReadConfigAsync()).Value);
    }

    [Fact]
    public async Task PlainValueThatTheGrainHoldsIsStillServed()
    {
        await _http.CreateAsync(_environment, "svc", "plain", "cached-value");
        await fixture.StopVaultAsync();

        var read = await _http.GetConfigAsync(_environment, "svc", "plain");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("cached-value", (await read.ReadConfigAsync()).Value);
    }

    [Fact]
    public async Task StatusShowsVaultDisabledWhileDownAndEnabledWhenBack()
    {
        await fixture.StopVaultAsync();
        var down = await StatusAsync();
        await fixture.StartVaultAsync();
        var up = await StatusAsync();

        Assert.False(down.GetProperty("vault_enabled").GetBoolean());
        Assert.Equal("down", down.GetProperty("vault").GetString());
        Assert.True(up.GetProperty("vault_enabled").GetBoolean());
    }

    [Fact]
    public async Task SealedVaultCountsAsUnavailable()
    {
        fixture.Vault.State.Seal();
        var create = await _http.CreateAsync(_environment, "svc", "sealed", "value");
        await AssertUnavailableAsync(create, "Cannot create configuration: Vault is not available");
        Assert.False((await StatusAsync()).GetProperty("vault_enabled").GetBoolean());
        fixture.Vault.State.Unseal();

        Assert.Equal(HttpStatusCode.Created, (await _http.CreateAsync(_environment, "svc", "sealed", "value")).StatusCode);
    }

    [Fact]
    public async Task WritesWorkAgainOnceVaultIsBack()
    {
        await fixture.StopVaultAsync();
        await AssertUnavailableAsync(await _http.CreateAsync(_environment, "svc", "later", "v"),
            "Cannot create configuration: Vault is not available");
        await fixture.StartVaultAsync();

        var create = await _http.CreateAsync(_environment, "svc", "later", "v");

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
    }

    private async Task<JsonElement> StatusAsync()
    {
        var response = await _http.GetAsync("/api/v1/config/status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(detail, problem.Detail);
        Assert.Equal("vault_unavailable", problem.Code);
    }
}
