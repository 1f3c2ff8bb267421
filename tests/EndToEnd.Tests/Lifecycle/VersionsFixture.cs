using System.Net.Http.Headers;
using System.Text;
using ConfigCluster.EndToEnd.Tests.Access;

namespace ConfigCluster.EndToEnd.Tests.Lifecycle;

/// <summary>The locked-down system with two callers: one that may read, write and reveal, one that may read and write only.</summary>
public sealed class VersionsFixture : LockedDownFixture
{
    public HttpClient Revealer { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (_, revealer) = await CreateKeyAsync("revealer", """[{"environment":"*","service_name":"*","actions":["read","reveal","write"]}]""");
        var (_, reader) = await CreateKeyAsync("reader", """[{"environment":"*","service_name":"*","actions":["read","write"]}]""");
        (Revealer, Reader) = (ClientWith(revealer), ClientWith(reader));
    }

    public override async Task DisposeAsync()
    {
        Revealer.Dispose();
        Reader.Dispose();
        await base.DisposeAsync();
    }

    public static Task<HttpResponseMessage> RollbackAsync(HttpClient http, string env, string svc, string key, string body) =>
        http.PostAsync($"/api/v1/config/{key}/rollback?environment={env}&service_name={svc}", new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>A PUT or DELETE conditional on <paramref name="etag"/>.</summary>
    public static Task<HttpResponseMessage> SendIfMatchAsync(HttpClient http, HttpMethod method, string env, string svc, string key, string etag, string? value = null)
    {
        var request = new HttpRequestMessage(method, Api.PathOf(env, svc, key));
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        if (value is not null)
        {
            request.Content = new StringContent($$"""{"value":"{{value}}"}""", Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
