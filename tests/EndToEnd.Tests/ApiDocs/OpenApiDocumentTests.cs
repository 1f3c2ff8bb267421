namespace ConfigCluster.EndToEnd.Tests.ApiDocs;

/// <summary>
/// The OpenAPI document describes every REST endpoint with the shapes the API really answers, and the interactive
/// docs are served beside it.
/// </summary>
public sealed class OpenApiDocumentTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task TheDocumentListsTheConfigFlagRegistryAndOfrepEndpoints()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        foreach (var (path, method) in new[]
        {
            ("/api/v1/config", "post"), ("/api/v1/config", "get"), ("/api/v1/config/{key}", "get"), ("/api/v1/config/{key}", "put"),
            ("/api/v1/config/{key}", "delete"), ("/api/v1/config/{key}/history", "get"), ("/api/v1/config/{key}/rollback", "post"),
            ("/api/v1/config/{key}/diff", "get"), ("/api/v1/flags", "post"), ("/ofrep/v1/evaluate/flags/{key}", "post"),
            ("/api/v1/auth/keys", "post"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is described");
        }
    }

    [Fact]
    public async Task TheConfigSchemaHasExactlyTheFieldsOfTheGuidesCreateAnswer()
    {
        using var created = await fixture.Http.CreateAsync("openapi", "auth-service", "database_password", "super_secret_password_123", encrypted: true);
        using var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var document = await DocumentAsync();

        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("ConfigResponse").GetProperty("properties");

        Assert.Equal(
            answer.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            schema.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreatesConflictIsDescribedAsAProblem()
    {
        var post = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/config").GetProperty("post");

        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task TheInteractiveDocsAreServed()
    {
        using var docs = await fixture.Http.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await fixture.Http.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
