using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Lifecycle;

/// <summary>
/// Rollback writes an earlier version's value and flag as a new version, audited as rolled_back with its source; a
/// version Vault no longer keeps is 410. Diff shows two versions and who wrote them, values only to who may see them.
/// </summary>
public sealed class RollbackAndDiffTests(VersionsFixture fixture) : IClassFixture<VersionsFixture>
{
    private const string Env = "lifecycle";
    private const string Svc = "billing";

    [Fact]
    public async Task RollingBackToEachKeptVersionWritesItsValueAndFlagAsANewVersionAuditedAsRolledBack()
    {
        var http = fixture.Revealer;
        await SeedAsync(http, "rollback", ("a", false), ("b", true), ("c", false));

        using var toFirst = await VersionsFixture.RollbackAsync(http, Env, Svc, "rollback", """{"version":1}""");
        using var toSecond = await VersionsFixture.RollbackAsync(http, Env, Svc, "rollback", """{"version":2}""");
        using var toThird = await VersionsFixture.RollbackAsync(http, Env, Svc, "rollback", """{"version":3}""");

        Assert.Equal(("a", 4L, false), await ConfigOfAsync(toFirst));
        Assert.Equal(("b", 5L, true), await ConfigOfAsync(toSecond));
        Assert.Equal(("c", 6L, false), await ConfigOfAsync(toThird));
        Assert.Equal(["created", "updated", "updated", "rolled_back", "rolled_back", "rolled_back"], await AuditActionsAsync("rollback"));
        Assert.Equal([1L, 2L, 3L], await SourceVersionsAsync("rollback"));
        using var history = await http.GetAsync($"/api/v1/config/rollback/history?environment={Env}&service_name={Svc}");
        Assert.Contains("\"action\":\"rolled_back\"", await history.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollingBackToADestroyedVersionIs410AndToAnUnknownOne404AndNeitherWrites()
    {
        var http = fixture.Revealer;
        await SeedAsync(http, "destroyed", ("first", false), ("second", false));
        using var vault = new VaultAuthSetup(fixture.Vault.Address, fixture.Vault.RootToken);
        await vault.SendAsync(HttpMethod.Post, $"secret/destroy/{Env}/{Svc}/destroyed", new System.Text.Json.Nodes.JsonObject { ["versions"] = new System.Text.Json.Nodes.JsonArray(1) });

        using var gone = await VersionsFixture.RollbackAsync(http, Env, Svc, "destroyed", """{"version":1}""");
        using var unknown = await VersionsFixture.RollbackAsync(http, Env, Svc, "destroyed", """{"version":9}""");
        using var invalid = await VersionsFixture.RollbackAsync(http, Env, Svc, "destroyed", """{"version":"one"}""");

        await AssertProblemAsync(gone, HttpStatusCode.Gone, "version_gone", "no longer kept by Vault");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found", "no version 9");
        await AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "invalid", "'version' is required");
        Assert.Equal(("second", 2L), await (await http.ReadAsync(Env, Svc, "destroyed")).ValueAsync());
        Assert.Equal(["created", "updated"], await AuditActionsAsync("destroyed"));
    }

    [Fact]
    public async Task ADiffShowsEncryptedValuesOnlyToCallersWhoMayRevealAndAlwaysWhoWroteEachVersion()
    {
        await SeedAsync(fixture.Revealer, "diffed", ("plain-1", false), ("secret-2", true), ("plain-3", false));

        var hidden = await DiffAsync(fixture.Reader, "diffed", 1, 2);
        var shown = await DiffAsync(fixture.Revealer, "diffed", 1, 2);
        var plain = await DiffAsync(fixture.Reader, "diffed", 1, 3);
        var same = await DiffAsync(fixture.Reader, "diffed", 3, 3);

        Assert.False(hidden.GetProperty("values_shown").GetBoolean());
        Assert.True(hidden.GetProperty("value_changed").GetBoolean());
        Assert.True(hidden.GetProperty("is_encrypted_changed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("to").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("from").GetProperty("value").ValueKind);
        Assert.Equal("secret-2", shown.GetProperty("to").GetProperty("value").GetString());
        Assert.Equal("updated", shown.GetProperty("to").GetProperty("action").GetString());
        Assert.Equal("key:revealer", shown.GetProperty("to").GetProperty("actor").GetString());
        Assert.Equal(("plain-1", "plain-3"), (plain.GetProperty("from").GetProperty("value").GetString(), plain.GetProperty("to").GetProperty("value").GetString()));
        Assert.False(same.GetProperty("value_changed").GetBoolean());
    }

    [Fact]
    public async Task ADiffWithoutBothVersionsOrOfAnUnknownOneIsRefused()
    {
        await SeedAsync(fixture.Revealer, "diff-bad", ("x", false));

        using var missing = await fixture.Reader.GetAsync($"/api/v1/config/diff-bad/diff?environment={Env}&service_name={Svc}&from=1");
        using var unknown = await fixture.Reader.GetAsync($"/api/v1/config/diff-bad/diff?environment={Env}&service_name={Svc}&from=1&to=5");

        await AssertProblemAsync(missing, HttpStatusCode.BadRequest, "invalid", "'to' is required");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found", "no version 5");
    }

    private static async Task SeedAsync(HttpClient http, string key, params (string Value, bool Encrypted)[] versions)
    {
        Assert.Equal(HttpStatusCode.Created, (await http.CreateAsync(Env, Svc, key, versions[0].Value, versions[0].Encrypted)).StatusCode);
        foreach (var (value, encrypted) in versions.Skip(1))
        {
            using var body = new StringContent($$"""{"value":"{{value}}","is_encrypted":{{(encrypted ? "true" : "false")}}}""", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.OK, (await http.PutAsync(Api.PathOf(Env, Svc, key), body)).StatusCode);
        }
    }

    private static async Task<JsonElement> DiffAsync(HttpClient http, string key, long from, long to)
    {
        using var response = await http.GetAsync($"/api/v1/config/{key}/diff?environment={Env}&service_name={Svc}&from={from}&to={to}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(string? Value, long Version, bool Encrypted)> ConfigOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var root = JsonDocument.Parse(text).RootElement;
        return (root.GetProperty("value").GetString(), root.GetProperty("version").GetInt64(), root.GetProperty("is_encrypted").GetBoolean());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.Contains(detail, text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> AuditActionsAsync(string key) =>
        [.. (await fixture.Postgres.ChangeRowsAsync()).Where(r => r.Key == key && r.State == "committed").Select(r => r.Action)];

    private async Task<IReadOnlyList<long>> SourceVersionsAsync(string key)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT (details->>'source_version')::bigint FROM config_changes WHERE key = @key AND action = 'rolled_back' ORDER BY id", connection);
        select.Parameters.AddWithValue("key", key);
        await using var reader = await select.ExecuteReaderAsync();
        List<long> versions = [];
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }
}
