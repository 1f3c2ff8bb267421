namespace ConfigCluster.Gateway.Tests.Access;

/// <summary>Each caller has a request budget a second; past it the API answers 429 with Retry-After, health never.</summary>
public sealed class RateLimitTests(RateLimitTests.Fixture fixture) : IClassFixture<RateLimitTests.Fixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task ACallerOverItsBudgetGets429WithRetryAfterAsAProblem()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _http.GetAsync("/api/v1/config?environment=limited")));

        var limited = Assert.IsType<HttpResponseMessage>(answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests), exactMatch: false);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(("rate_limited", 429), await CodeAsync(limited));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthIsNeverLimited()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _http.GetAsync("/health/live")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    private static async Task<(string? Code, int Status)> CodeAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync();
        return (problem.Code, problem.Status);
    }

    public sealed class Fixture : GatewayFixture
    {
        protected override IEnumerable<string> ExtraArgs => ["--Auth:RateLimitPerSecond=5"];
    }
}
