using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>The flag API's and OFREP's calls as a client makes them.</summary>
public static class FlagApi
{
    public static Task<HttpResponseMessage> CreateFlagAsync(this HttpClient http, string json) =>
        http.SendFlagAsync(HttpMethod.Post, "/api/v1/flags", json);

    public static Task<HttpResponseMessage> GetFlagAsync(this HttpClient http, string environment, string key) =>
        http.GetAsync(PathOf(environment, key));

    public static Task<HttpResponseMessage> ReplaceFlagAsync(this HttpClient http, string environment, string key, string json, string? ifMatch = null) =>
        http.SendFlagAsync(HttpMethod.Put, PathOf(environment, key), json, ifMatch);

    public static Task<HttpResponseMessage> PatchFlagAsync(
        this HttpClient http, string environment, string key, string json, string? ifMatch = null, string mediaType = "application/merge-patch+json") =>
        http.SendFlagAsync(HttpMethod.Patch, PathOf(environment, key), json, ifMatch, mediaType);

    public static Task<HttpResponseMessage> DeleteFlagAsync(this HttpClient http, string environment, string key, string? ifMatch = null) =>
        http.SendFlagAsync(HttpMethod.Delete, PathOf(environment, key), json: null, ifMatch);

    public static Task<HttpResponseMessage> EvaluateFlagAsync(this HttpClient http, string environment, string key, string json = "{}") =>
        http.SendFlagAsync(HttpMethod.Post, $"/api/v1/flags/{key}/evaluate?environment={environment}", json);

    /// <summary>OFREP: one flag when <paramref name="key"/> is given, else every flag (bulk).</summary>
    public static Task<HttpResponseMessage> OfrepAsync(
        this HttpClient http, string? key, string body, string? environment = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, key is null ? "/ofrep/v1/evaluate/flags" : $"/ofrep/v1/evaluate/flags/{key}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (environment is not null)
        {
            request.Headers.Add("X-Environment", environment);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return http.SendAsync(request);
    }

    /// <summary>A boolean flag's body with the given fields added (JSON members without braces).</summary>
    public static string Flag(string environment, string key, string members = "\"enabled\": true") =>
        $$"""{"environment": "{{environment}}", "key": "{{key}}", {{members}}}""";

    /// <summary>Creates a flag and fails the test unless it was created.</summary>
    public static async Task<JsonElement> CreatedFlagAsync(this HttpClient http, string environment, string key, string members = "\"enabled\": true")
    {
        var response = await http.CreateFlagAsync(Flag(environment, key, members));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string PathOf(string environment, string key) => $"/api/v1/flags/{key}?environment={environment}";

    private static Task<HttpResponseMessage> SendFlagAsync(
        this HttpClient http, HttpMethod method, string path, string? json, string? ifMatch = null, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return http.SendAsync(request);
    }
}
