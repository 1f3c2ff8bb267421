using System.Net.Http.Headers;
using System.Text;

namespace ConfigCluster.Gateway.Tests.Support;

/// <summary>Sends the config API's requests as curl would, and reads its answers.</summary>
public static class ConfigApiClient
{
    public const string ProblemContentType = "application/problem+json";

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(path, JsonContent(json));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, string json) =>
        http.PutAsync(path, JsonContent(json));

    public static Task<HttpResponseMessage> CreateAsync(
        this HttpClient http, string environment, string service, string key, string value, bool isEncrypted = false) =>
        http.PostJsonAsync("/api/v1/config", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["key"] = key, ["value"] = value, ["environment"] = environment, ["service_name"] = service, ["is_encrypted"] = isEncrypted,
        }));

    public static Task<HttpResponseMessage> UpdateAsync(
        this HttpClient http, string environment, string service, string key, string value, bool? isEncrypted = null)
    {
        var body = new Dictionary<string, object> { ["value"] = value };
        if (isEncrypted is { } flag)
        {
            body["is_encrypted"] = flag;
        }

        return http.PutJsonAsync(PathOf(environment, service, key), JsonSerializer.Serialize(body));
    }

    public static Task<HttpResponseMessage> GetConfigAsync(this HttpClient http, string environment, string service, string key) =>
        http.GetAsync(PathOf(environment, service, key));

    public static Task<HttpResponseMessage> DeleteConfigAsync(this HttpClient http, string environment, string service, string key) =>
        http.DeleteAsync(PathOf(environment, service, key));

    public static string PathOf(string environment, string service, string key) =>
        $"/api/v1/config/{Uri.EscapeDataString(key)}?environment={Uri.EscapeDataString(environment)}&service_name={Uri.EscapeDataString(service)}";

    public static async Task<ConfigJson> ReadConfigAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ConfigJson>())!;

    public static async Task<ProblemJson> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal(ProblemContentType, response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemJson>())!;
    }

    private static StringContent JsonContent(string json) =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
