namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// Every curl example of the design guide, sent verbatim over real HTTP to a real gateway silo backed
/// by the dev Vault server, answers as the guide shows (with the decisions of docs/decisions.md: id 0, status codes).
/// </summary>
public sealed class GuideExamplesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly string[] ConfigFieldOrder =
        ["id", "key", "value", "environment", "service_name", "is_encrypted", "version", "created_at", "updated_at"];

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task EncryptedConfigIsCreatedReadUpdatedAndDeletedAsTheGuideShows()
    {
        var created = await _http.PostJsonAsync("/api/v1/config", """
            {
                "key": "database_password",
                "value": "super_secret_password_123",
                "environment": "production",
                "service_name": "auth-service",
                "is_encrypted": true
            }
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/config/database_password?environment=production&service_name=auth-service",
            created.Headers.Location?.OriginalString);
        await AssertConfigAsync(created, "database_password", "super_secret_password_123", "production", "auth-service", true, 1);

        var read = await _http.GetAsync("/api/v1/config/database_password?environment=production&service_name=auth-service");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await AssertConfigAsync(read, "database_password", "super_secret_password_123", "production", "auth-service", true, 1);

        var updated = await _http.PutJsonAsync("/api/v1/config/database_password?environment=production&service_name=auth-service", """
            {
                "value": "new_secret_password_456",
                "is_encrypted": true
            }
            """);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await AssertConfigAsync(updated, "database_password", "new_secret_password_456", "production", "auth-service", true, 2);

        var deleted = await _http.DeleteAsync("/api/v1/config/database_password?environment=production&service_name=auth-service");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await _http.GetAsync("/api/v1/config/database_password?environment=production&service_name=auth-service");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("not_found", (await gone.ReadProblemAsync()).Code);
    }

    [Fact]
    public async Task ConfigConvertsFromEncryptedToPlainAndBack()
    {
        Assert.Equal(HttpStatusCode.Created,
            (await _http.CreateAsync("production", "asr-service", "api_key", "initial_key", isEncrypted: true)).StatusCode);

        var toPlain = await _http.PutJsonAsync("/api/v1/config/api_key?environment=production&service_name=asr-service", """
            {
                "value": "public_api_key_123",
                "is_encrypted": false
            }
            """);
        await AssertConfigAsync(toPlain, "api_key", "public_api_key_123", "production", "asr-service", false, 2);

        var toEncrypted = await _http.PutJsonAsync("/api/v1/config/api_key?environment=production&service_name=asr-service", """
            {
                "value": "secret_api_key_456",
                "is_encrypted": true
            }
            """);
        await AssertConfigAsync(toEncrypted, "api_key", "secret_api_key_456", "production", "asr-service", true, 3);

        var read = await _http.GetAsync("/api/v1/config/api_key?environment=production&service_name=asr-service");
        await AssertConfigAsync(read, "api_key", "secret_api_key_456", "production", "asr-service", true, 3);
    }

    [Fact]
    public async Task UpdateWithoutIsEncryptedKeepsTheCurrentSetting()
    {
        await _http.CreateAsync("production", "keep-service", "token", "one", isEncrypted: true);

        var updated = await _http.PutJsonAsync(ConfigApiClient.PathOf("production", "keep-service", "token"), """{"value": "two"}""");

        await AssertConfigAsync(updated, "token", "two", "production", "keep-service", true, 2);
    }

    [Fact]
    public async Task ApiBehaviourSectionAnswersCreateGetAndListInTheGuidesShape()
    {
        var created = await _http.PostJsonAsync("/api/v1/config", """
            {
              "key": "secret_key",
              "value": "my_secret_value",
              "environment": "production",
              "service_name": "my-service",
              "is_encrypted": true
            }
            """);
        await AssertConfigAsync(created, "secret_key", "my_secret_value", "production", "my-service", true, 1);

        var read = await _http.GetAsync("/api/v1/config/secret_key?environment=production&service_name=my-service");
        await AssertConfigAsync(read, "secret_key", "my_secret_value", "production", "my-service", true, 1);

        var list = await _http.GetAsync("/api/v1/config?environment=production&service_name=my-service");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var document = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(["items", "total", "limit", "offset"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var page = document.RootElement.Deserialize<ConfigListJson>()!;
        Assert.Equal((1, 50, 0), (page.Total, page.Limit, page.Offset));
        var item = Assert.Single(page.Items);
        Assert.Equal(("secret_key", "my_secret_value", 0, 1L), (item.Key, item.Value, item.Id, item.Version));
    }

    [Fact]
    public async Task StatusReportsVaultEnabledWithMountAndKvVersion()
    {
        var response = await _http.GetAsync("/api/v1/config/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(status.RootElement.GetProperty("vault_enabled").GetBoolean());
        Assert.Equal("secret", status.RootElement.GetProperty("vault_mount_point").GetString());
        Assert.Equal(2, status.RootElement.GetProperty("vault_kv_version").GetInt32());
        Assert.Equal("up", status.RootElement.GetProperty("vault").GetString());
        foreach (var dependency in new[] { "redis", "kafka", "postgresql" })
        {
            Assert.True(status.RootElement.TryGetProperty(dependency, out _), $"status lacks '{dependency}'");
        }
    }

    [Fact]
    public async Task AConfigNamedStatusIsReadWhenEnvironmentAndServiceAreGiven()
    {
        await _http.CreateAsync("production", "status-service", "status", "green");

        var response = await _http.GetAsync("/api/v1/config/status?environment=production&service_name=status-service");

        await AssertConfigAsync(response, "status", "green", "production", "status-service", false, 1);
    }

    internal static async Task AssertConfigAsync(
        HttpResponseMessage response, string key, string value, string environment, string service, bool isEncrypted, long version)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ConfigFieldOrder, document.RootElement.EnumerateObject().Select(p => p.Name));
        var config = document.RootElement.Deserialize<ConfigJson>()!;
        Assert.Equal((0, key, value, environment, service, isEncrypted, version),
            (config.Id, config.Key, config.Value, config.Environment, config.ServiceName, config.IsEncrypted, config.Version));
        AssertUtcTimestamp(config.CreatedAt);
        AssertUtcTimestamp(config.UpdatedAt);
        Assert.True(DateTimeOffset.Parse(config.UpdatedAt) >= DateTimeOffset.Parse(config.CreatedAt));
    }

    private static void AssertUtcTimestamp(string text)
    {
        Assert.EndsWith("Z", text);
        Assert.True(DateTimeOffset.TryParse(text, out var at) && at.Offset == TimeSpan.Zero, $"'{text}' is not RFC 3339 UTC");
        Assert.InRange(at, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }
}
