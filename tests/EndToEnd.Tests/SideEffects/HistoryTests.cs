namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>GET /api/v1/config/{key}/history: audit rows newest first, joined with Vault's version list.</summary>
public sealed class HistoryTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task HistoryListsEveryChangeNewestFirstWithVaultsVersionState()
    {
        await fixture.Http.CreateAsync("hist", "svc", "key", "one");
        await fixture.Http.UpdateAsync("hist", "svc", "key", "two", encrypted: true);
        await fixture.Http.UpdateAsync("hist", "svc", "key", "three", encrypted: false);

        var page = await HistoryAsync("limit=2");
        var rest = await HistoryAsync("limit=2&offset=2");

        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal([("updated", 3L, false), ("updated", 2L, true), ("created", 1L, false)],
            items.Select(i => (i.GetProperty("action").GetString(), i.GetProperty("version").GetInt64(), i.GetProperty("is_encrypted").GetBoolean())));
        Assert.All(items, i => Assert.False(i.GetProperty("vault").GetProperty("deleted").GetBoolean()));
        Assert.DoesNotContain("\"value\"", page.ToString());
    }

    [Fact]
    public async Task OlderVersionIsReadBackWhileVaultKeepsIt()
    {
        await fixture.Http.CreateAsync("hist", "svc", "versions", "first");
        await fixture.Http.UpdateAsync("hist", "svc", "versions", "second");

        var first = await fixture.Http.GetAsync(Api.PathOf("hist", "svc", "versions") + "&version=1");

        Assert.Equal(("first", 1L), await first.ValueAsync());
    }

    private async Task<JsonElement> HistoryAsync(string query)
    {
        var response = await fixture.Http.GetAsync($"/api/v1/config/key/history?environment=hist&service_name=svc&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
