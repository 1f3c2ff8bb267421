using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>The registry API's calls as a client makes them.</summary>
public static class RegistryApi
{
    public static string InstancePath(string environment, string service, string instanceId) =>
        $"/api/v1/registry/{environment}/services/{service}/instances/{instanceId}";

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient http, string environment, string service, string instanceId, string json) =>
        http.PutAsync(InstancePath(environment, service, instanceId), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> HeartbeatAsync(this HttpClient http, string environment, string service, string instanceId, string? json = null) =>
        http.PutAsync(InstancePath(environment, service, instanceId) + "/heartbeat",
            json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> DeregisterAsync(this HttpClient http, string environment, string service, string instanceId) =>
        http.DeleteAsync(InstancePath(environment, service, instanceId));

    public static Task<HttpResponseMessage> GetInstanceAsync(this HttpClient http, string environment, string service, string instanceId) =>
        http.GetAsync(InstancePath(environment, service, instanceId));

    public static Task<HttpResponseMessage> InstancesAsync(this HttpClient http, string environment, string service, string query = "") =>
        http.GetAsync($"/api/v1/registry/{environment}/services/{service}/instances{query}");

    /// <summary>The status of each instance of a service, as the list answers it: "id=status".</summary>
    public static async Task<List<string>> StatusesAsync(this HttpClient http, string environment, string service, string query = "")
    {
        using var response = await http.InstancesAsync(environment, service, query);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("instances").EnumerateArray()
            .Select(i => $"{i.GetProperty("instance_id").GetString()}={i.GetProperty("status").GetString()}")];
    }

    /// <summary>The status of one instance as the service's list answers it, or "absent".</summary>
    public static async Task<string> StatusOfAsync(this HttpClient http, string environment, string service, string instanceId)
    {
        var statuses = await http.StatusesAsync(environment, service);
        return statuses.FirstOrDefault(s => s.StartsWith(instanceId + "=", StringComparison.Ordinal))?[(instanceId.Length + 1)..] ?? "absent";
    }

    public static string Ttl(string ttl = "15s", string extra = "") =>
        $$$"""{"address": "10.1.2.3", "port": 8080, "check": {"type": "ttl", "ttl": "{{{ttl}}}"}{{{extra}}}}""";

    public static string Http(int port, string path = "/health", string interval = "200ms", string timeout = "200ms", string check = "", string extra = "") =>
        $$$"""{"address": "127.0.0.1", "port": {{{port}}}, "check": {"type": "http", "path": "{{{path}}}", "interval": "{{{interval}}}", "timeout": "{{{timeout}}}"{{{check}}}}{{{extra}}}}""";

    public static string Tcp(int port, string address = "127.0.0.1") =>
        $$$"""{"address": "{{{address}}}", "port": {{{port}}}, "check": {"type": "tcp", "interval": "200ms", "timeout": "200ms"}}""";
}
