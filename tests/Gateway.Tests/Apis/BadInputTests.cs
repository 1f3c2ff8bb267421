namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// Bad input gets a 400 application/problem+json answer naming the field, and nothing is written:
/// after each refused request the environment still has no config at all.
/// </summary>
public sealed class BadInputTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Env = "badinput";
    private readonly HttpClient _http = fixture.Http;

    public static TheoryData<string, string> BadCreateBodies => new()
    {
        { """{"value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"k","environment":"badinput","service_name":"svc"}""", "value" },
        { """{"key":"k","value":"v","service_name":"svc"}""", "environment" },
        { """{"key":"k","value":"v","environment":"badinput"}""", "service_name" },
        { """{"key":"k","value":42,"environment":"badinput","service_name":"svc"}""", "value" },
        { """{"key":"k","value":"v","environment":"badinput","service_name":"svc","is_encrypted":"yes"}""", "is_encrypted" },
        { """{"key":["k"],"value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"k","value":null,"environment":"badinput","service_name":"svc"}""", "value" },
        { """{"key":"k","value":"v","environment":"badinput","service_name":"svc","is_encryted":true}""", "is_encryted" },
        { """{"key":"k","key":"k2","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"a/b","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"..","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":".","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"k","value":"v","environment":"..","service_name":"svc"}""", "environment" },
        { """{"key":"with space","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"tab\tkey","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"nul\u0000key","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """{"key":"k","value":"v","environment":"badinput","service_name":"s/../x"}""", "service_name" },
        { """{"key":"k","value":"v","environment":"badinput","service_name":"caf\u00e9"}""", "service_name" },
        { $$"""{"key":"{{new string('k', 129)}}","value":"v","environment":"badinput","service_name":"svc"}""", "key" },
        { """[]""", "body" },
        { """ "just a string" """, "body" },
        { """{"key":"k","value":"v",""", "body" },
        { """not json at all""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadCreateBodies))]
    public async Task CreateWithBadBodyAnswers400NamingTheFieldAndWritesNothing(string body, string field)
    {
        var response = await _http.PostJsonAsync("/api/v1/config", body);

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task CreateWithAValueOver512KiBAnswers400AndWritesNothing()
    {
        var response = await _http.CreateAsync(Env, "svc", "big", new string('x', 512 * 1024 + 1));

        await AssertRefusedAsync(response, "value");
    }

    [Fact]
    public async Task CreateWithAValueOfExactly512KiBIsAccepted()
    {
        var response = await _http.CreateAsync("badinput-limit", "svc", "big", new string('x', 512 * 1024));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "/api/v1/config/k?service_name=svc", "environment" },
        { "/api/v1/config/k?environment=badinput", "service_name" },
        { "/api/v1/config/k?environment=bad%20input&service_name=svc", "environment" },
        { "/api/v1/config/k?environment=badinput&environment=other&service_name=svc", "environment" },
        { "/api/v1/config/a%2Fb?environment=badinput&service_name=svc", "key" },
        { "/api/v1/config/a%2F..%2Fb?environment=badinput&service_name=svc", "key" },
        { "/api/v1/config/k?environment=..&service_name=svc", "environment" },
        { "/api/v1/config/k?environment=badinput&service_name=.", "service_name" },
        { "/api/v1/config/k%01?environment=badinput&service_name=svc", "key" },
        { "/api/v1/config/k?environment=badinput&service_name=svc&version=0", "version" },
        { "/api/v1/config/k?environment=badinput&service_name=svc&version=abc", "version" },
        { "/api/v1/config", "environment" },
        { "/api/v1/config?environment=badinput&limit=0", "limit" },
        { "/api/v1/config?environment=badinput&limit=1001", "limit" },
        { "/api/v1/config?environment=badinput&limit=ten", "limit" },
        { "/api/v1/config?environment=badinput&offset=-1", "offset" },
        { "/api/v1/config?environment=badinput&offset=x", "offset" },
        { "/api/v1/config?environment=badinput&service_name=a..b/c", "service_name" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task ReadWithBadQueryAnswers400NamingTheField(string url, string field)
    {
        var response = await _http.GetAsync(url);

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task DotSegmentKeyInThePathIsResolvedAwayByHttpAndReachesNoConfig()
    {
        // RFC 3986 removes dot segments before routing: /api/v1/config/%2E%2E is /api/v1/, no endpoint.
        var response = await _http.PutJsonAsync("/api/v1/config/%2E%2E?environment=badinput&service_name=svc", """{"value":"v"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ConfigApiClient.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        var listing = await _http.GetAsync($"/api/v1/config?environment={Env}");
        Assert.Equal(0, (await listing.Content.ReadFromJsonAsync<ConfigListJson>())!.Total);
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotTakeAnswers405AsAProblemAndWritesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/config/k?environment={Env}&service_name=svc")
        {
            Content = JsonContent.Create(new { value = "v" }),
        };

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(ConfigApiClient.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(405, (await response.ReadProblemAsync()).Status);
        var listing = await _http.GetAsync($"/api/v1/config?environment={Env}");
        Assert.Equal(0, (await listing.Content.ReadFromJsonAsync<ConfigListJson>())!.Total);
    }

    [Theory]
    [InlineData("/api/v1/config/k?service_name=svc", """{"value":"v"}""", "environment")]
    [InlineData("/api/v1/config/k?environment=badinput&service_name=svc", """{"value":1}""", "value")]
    [InlineData("/api/v1/config/k?environment=badinput&service_name=svc", """{"value":"v","key":"other"}""", "key")]
    [InlineData("/api/v1/config/k?environment=badinput&service_name=svc", """{"is_encrypted":true}""", "value")]
    [InlineData("/api/v1/config/a%20b?environment=badinput&service_name=svc", """{"value":"v"}""", "key")]
    public async Task UpdateWithBadInputAnswers400NamingTheField(string url, string body, string field)
    {
        var response = await _http.PutJsonAsync(url, body);

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task DeleteWithBadNamesAnswers400()
    {
        var response = await _http.DeleteAsync("/api/v1/config/k?environment=..&service_name=svc");

        await AssertRefusedAsync(response, "environment");
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, problem.Status);
        Assert.NotNull(problem.Errors);
        Assert.Contains(field, problem.Errors!.Keys);
        var listing = await _http.GetAsync($"/api/v1/config?environment={Env}");
        Assert.Equal(0, (await listing.Content.ReadFromJsonAsync<ConfigListJson>())!.Total);
    }
}
