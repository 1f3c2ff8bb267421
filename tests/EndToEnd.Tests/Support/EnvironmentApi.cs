using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>The environment API's calls (export, import, compare) as a client makes them.</summary>
public static class EnvironmentApi
{
    public static Task<HttpResponseMessage> ExportAsync(this HttpClient http, string environment, string format, string? service = null) =>
        http.GetAsync($"/api/v1/environments/{environment}/export?format={format}{(service is null ? "" : $"&service_name={service}")}");

    /// <summary>An import of <paramref name="file"/>, its format named by its Content-Type only.</summary>
    public static Task<HttpResponseMessage> ImportAsync(
        this HttpClient http, string environment, string file, string format, bool dryRun, string? service = null) =>
        http.PostAsync($"/api/v1/environments/{environment}/import?dry_run={(dryRun ? "true" : "false")}{(service is null ? "" : $"&service_name={service}")}",
            new StringContent(file, Encoding.UTF8, MediaTypeOf(format)));

    public static Task<HttpResponseMessage> CompareAsync(this HttpClient http, string from, string to, string? service = null) =>
        http.GetAsync($"/api/v1/environments/compare?from={from}&to={to}{(service is null ? "" : $"&service_name={service}")}");

    /// <summary>The body of a successful response, or a failed assertion with its status and body.</summary>
    public static async Task<string> BodyAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The <c>service/key</c> names of one list of a comparison.</summary>
    public static string[] KeysIn(this JsonElement comparison, string list) =>
        comparison.GetProperty(list).EnumerateArray()
            .Select(k => $"{k.GetProperty("service_name").GetString()}/{k.GetProperty("key").GetString()}").Order(StringComparer.Ordinal).ToArray();

    public static string MediaTypeOf(string format) => format switch
    {
        "yaml" => "application/yaml",
        "dotenv" => "text/plain",
        _ => "application/json",
    };
}
