namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>Listing: required environment, optional service, paging, and ordering by service_name then key.</summary>
public sealed class ConfigListTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task ListIsOrderedByServiceThenKeyAndPagedWithTotalCountingAllMatches()
    {
        var environment = $"paging-{Guid.NewGuid():N}";
        (string Service, string Key)[] configs =
            [("svc-b", "k2"), ("svc-a", "k3"), ("svc-b", "k1"), ("svc-a", "k1"), ("svc-c", "k1"), ("svc-a", "k2")];
        foreach (var (service, key) in configs)
        {
            Assert.Equal(HttpStatusCode.Created, (await _http.CreateAsync(environment, service, key, $"{service}:{key}")).StatusCode);
        }

        var first = await ListAsync($"environment={environment}&limit=4");
        var second = await ListAsync($"environment={environment}&limit=4&offset=4");

        Assert.Equal((6, 4, 0), (first.Total, first.Limit, first.Offset));
        Assert.Equal(["svc-a/k1", "svc-a/k2", "svc-a/k3", "svc-b/k1"], first.Items.Select(Name));
        Assert.Equal((6, 4, 4), (second.Total, second.Limit, second.Offset));
        Assert.Equal(["svc-b/k2", "svc-c/k1"], second.Items.Select(Name));
        Assert.All(first.Items.Concat(second.Items), i => Assert.Equal($"{i.ServiceName}:{i.Key}", i.Value));
    }

    [Fact]
    public async Task ListOfOneServiceHoldsOnlyItsConfigsAndEncryptedValues()
    {
        var environment = $"filter-{Guid.NewGuid():N}";
        await _http.CreateAsync(environment, "one", "a", "plain");
        await _http.CreateAsync(environment, "one", "b", "hidden", isEncrypted: true);
        await _http.CreateAsync(environment, "two", "a", "other");

        var page = await ListAsync($"environment={environment}&service_name=one");

        Assert.Equal(2, page.Total);
        Assert.Equal([("a", "plain", false), ("b", "hidden", true)], page.Items.Select(i => (i.Key, i.Value, i.IsEncrypted)));
    }

    [Fact]
    public async Task ListOfAnEnvironmentWithoutConfigsIsEmpty()
    {
        var page = await ListAsync($"environment=empty-{Guid.NewGuid():N}");

        Assert.Equal((0, 50, 0), (page.Total, page.Limit, page.Offset));
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task ListPastTheLastPageIsEmptyButCountsTheTotal()
    {
        var environment = $"past-{Guid.NewGuid():N}";
        await _http.CreateAsync(environment, "svc", "only", "v");

        var page = await ListAsync($"environment={environment}&offset=10");

        Assert.Equal(1, page.Total);
        Assert.Empty(page.Items);
    }

    private async Task<ConfigListJson> ListAsync(string query)
    {
        var response = await _http.GetAsync($"/api/v1/config?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ConfigListJson>())!;
    }

    private static string Name(ConfigJson item) => $"{item.ServiceName}/{item.Key}";
}
