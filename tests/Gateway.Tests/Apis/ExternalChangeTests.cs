namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// A secret changed directly in Vault after the grain saw its version (decision 10): the next write
/// through the service is refused with 409 instead of overwriting it; after a fresh read it succeeds.
/// </summary>
public sealed class ExternalChangeTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _http = fixture.Http;
    private readonly string _environment = $"external-{Guid.NewGuid():N}";

    [Fact]
    public async Task WriteAfterADirectVaultChangeAnswers409AndLeavesTheDirectChange()
    {
        await _http.CreateAsync(_environment, "svc", "db_password", "from-service", isEncrypted: true);
        await _http.GetConfigAsync(_environment, "svc", "db_password");
        var direct = await fixture.PutSecretDirectlyAsync($"{_environment}/svc/db_password", new { value = "from-operator", is_encrypted = true });
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);

        var update = await _http.UpdateAsync(_environment, "svc", "db_password", "blind-overwrite");

        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        Assert.Equal("changed_outside_service", (await update.ReadProblemAsync()).Code);
        var current = await (await _http.GetConfigAsync(_environment, "svc", "db_password")).ReadConfigAsync();
        Assert.Equal(("from-operator", 2L), (current.Value, current.Version));
    }

    [Fact]
    public async Task WriteAfterTheConflictWasReadAgainSucceeds()
    {
        await _http.CreateAsync(_environment, "svc", "retry", "one");
        await fixture.PutSecretDirectlyAsync($"{_environment}/svc/retry", new { value = "two", is_encrypted = false });
        Assert.Equal(HttpStatusCode.Conflict, (await _http.UpdateAsync(_environment, "svc", "retry", "three")).StatusCode);

        var seen = await (await _http.GetConfigAsync(_environment, "svc", "retry")).ReadConfigAsync();
        var retried = await _http.UpdateAsync(_environment, "svc", "retry", "three");

        Assert.Equal("two", seen.Value);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(3, (await retried.ReadConfigAsync()).Version);
    }

    [Fact]
    public async Task DeleteAfterADirectVaultChangeAnswers409AndDeletesNothing()
    {
        await _http.CreateAsync(_environment, "svc", "keep", "one");
        await fixture.PutSecretDirectlyAsync($"{_environment}/svc/keep", new { value = "two", is_encrypted = false });

        var delete = await _http.DeleteConfigAsync(_environment, "svc", "keep");

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal("two", (await (await _http.GetConfigAsync(_environment, "svc", "keep")).ReadConfigAsync()).Value);
    }

    [Fact]
    public async Task SecretWrittenDirectlyWithTheConfigFieldsIsServedAsAConfig()
    {
        await fixture.PutSecretDirectlyAsync($"{_environment}/svc/direct", new { value = "made-in-vault", is_encrypted = false });

        var read = await _http.GetConfigAsync(_environment, "svc", "direct");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(("made-in-vault", 1L), ((await read.ReadConfigAsync()).Value, 1L));
    }
}
