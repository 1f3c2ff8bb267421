using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>The config API's calls as a client makes them.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> CreateAsync(
        this HttpClient http, string env, string svc, string key, string value, bool encrypted = false, string? idempotencyKey = null) =>
        http.SendAsync(HttpMethod.Post, "/api/v1/config",
            Json(new { key, value, environment = env, service_name = svc, is_encrypted = encrypted }), idempotencyKey);

    public static Task<HttpResponseMessage> UpdateAsync(
        this HttpClient http, string env, string svc, string key, string value, bool? encrypted = null, string? idempotencyKey = null) =>
        http.SendAsync(HttpMethod.Put, PathOf(env, svc, key),
            encrypted is { } flag ? Json(new { value, is_encrypted = flag }) : Json(new { value }), idempotencyKey);

    public static Task<HttpResponseMessage> ReadAsync(this HttpClient http, string env, string svc, string key) => http.GetAsync(PathOf(env, svc, key));

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient http, string env, string svc, string key, string? idempotencyKey = null) =>
        http.SendAsync(HttpMethod.Delete, PathOf(env, svc, key), content: null, idempotencyKey);

    public static async Task<(string Value, long Version)> ValueAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return (document.RootElement.GetProperty("value").GetString()!, document.RootElement.GetProperty("version").GetInt64());
    }

    public static string PathOf(string env, string svc, string key) => $"/api/v1/config/{key}?environment={env}&service_name={svc}";

    private static Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, HttpContent? content, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
