using System.Net.Http.Headers;
using System.Text;

namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// Bodies that are not UTF-8 JSON text, and requests the server refuses as a whole, get a problem+json answer
/// with a <c>code</c> (400, 404, 405, 413, 414, 415 or 431), and nothing is written.
/// </summary>
public sealed class BadBytesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Env = "badbytes";
    private readonly HttpClient _http = fixture.Http;

    public static TheoryData<string, byte[]> NotText => new()
    {
        { "value with bytes that are not UTF-8", Bytes("""{"key":"k","value":"#","environment":"badbytes","service_name":"svc"}""", 0xFF, 0xFE) },
        { "key with bytes that are not UTF-8", Bytes("""{"key":"#","value":"v","environment":"badbytes","service_name":"svc"}""", 0xC3, 0x28) },
        { "field name with bytes that are not UTF-8", Bytes("""{"key":"k","value":"v","environment":"badbytes","service_name":"svc","#":1}""", 0xED, 0xA0, 0x80) },
        { "value with a lone high surrogate escape", Encoding.UTF8.GetBytes("""{"key":"k","value":"\ud800","environment":"badbytes","service_name":"svc"}""") },
        { "key with a lone low surrogate escape", Encoding.UTF8.GetBytes("""{"key":"\udc00","value":"v","environment":"badbytes","service_name":"svc"}""") },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public async Task ACreateWhoseBodyIsNotWellFormedTextAnswers400InvalidEncodingAndWritesNothing(string because, byte[] body)
    {
        var response = await _http.PostAsync("/api/v1/config", Json(body));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_encoding", because);
    }

    [Fact]
    public async Task AnUpdateWithALoneSurrogateInItsValueAnswers400AndKeepsTheConfig()
    {
        await _http.CreateAsync("badbytes-update", "svc", "kept", "before");

        var response = await _http.PutAsync("/api/v1/config/kept?environment=badbytes-update&service_name=svc",
            Json(Encoding.UTF8.GetBytes("""{"value":"x\udfffy"}""")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_encoding", (await response.ReadProblemAsync()).Code);
        var kept = await (await _http.GetConfigAsync("badbytes-update", "svc", "kept")).ReadConfigAsync();
        Assert.Equal(("before", 1L), (kept.Value, kept.Version));
    }

    public static TheoryData<string, string, string?> UnreadableBodies => new()
    {
        { "a charset other than UTF-8", "application/json; charset=iso-8859-1", null },
        { "a media type other than JSON", "text/plain", null },
        { "form data", "application/x-www-form-urlencoded", null },
        { "a compressed body", "application/json", "gzip" },
        { "an unknown content coding", "application/json", "br" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task ABodyOfAnUnsupportedMediaTypeOrEncodingAnswers415AndWritesNothing(string because, string contentType, string? encoding)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"key":"k","value":"v","environment":"badbytes","service_name":"svc"}"""));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        var response = await _http.PostAsync("/api/v1/config", content);

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", because);
    }

    [Fact]
    public async Task AnExplicitUtf8CharsetIsAccepted()
    {
        var content = new StringContent("""{"key":"k","value":"v","environment":"badbytes-utf8","service_name":"svc"}""", Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("/api/v1/config", content)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownRouteAnswers404RouteNotFound()
    {
        var response = await _http.GetAsync("/api/v1/nothing-here");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "route_not_found");
    }

    [Fact]
    public async Task AMethodTheRouteDoesNotTakeAnswers405MethodNotAllowed()
    {
        var response = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/config/k?environment={Env}&service_name=svc"));

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task ABodyOverTheLimitAnswers413PayloadTooLargeAndWritesNothing()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"key":"k","value":"{{new string('x', 5 * 1024 * 1024)}}","environment":"badbytes","service_name":"svc"}""");

        // Expect: 100-continue, as clients send large bodies: the server refuses before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/config") { Content = Json(body) };
        request.Headers.ExpectContinue = true;

        var response = await _http.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large", "a 5 MiB body");
    }

    [Fact]
    public async Task ARequestTargetOverTheLimitAnswers414UriTooLong()
    {
        var response = await _http.GetAsync($"/api/v1/config/k?environment={Env}&service_name={new string('s', 9000)}");

        await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong, "uri_too_long");
    }

    [Fact]
    public async Task HeadersOverTheLimitAnswer431RequestHeadersTooLarge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/config/k?environment={Env}&service_name=svc");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        var response = await _http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, "request_headers_too_large");
    }

    private static byte[] Bytes(string template, params byte[] insert)
    {
        var at = template.IndexOf('#', StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(template[..at]), .. insert, .. Encoding.UTF8.GetBytes(template[(at + 1)..])];
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ConfigApiClient.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(((int)status, code), (problem.Status, problem.Code));
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code, string because)
    {
        Assert.True(status == response.StatusCode, $"{because}: {(int)response.StatusCode}");
        await AssertProblemAsync(response, status, code);
        var listing = await _http.GetAsync($"/api/v1/config?environment={Env}");
        Assert.Equal(0, (await listing.Content.ReadFromJsonAsync<ConfigListJson>())!.Total);
    }
}
