using System.Net.Http.Json;
using System.Text.Json;
using ConfigCluster.DevVault;

namespace ConfigCluster.Grains.Tests.Support;

/// <summary>Looks at and changes Vault directly over its HTTP API, as an operator would.</summary>
public static class VaultProbe
{
    public static async Task<JsonElement> ReadMetadataAsync(this DevVaultServer vault, string path)
    {
        using var http = Client(vault);
        var response = await http.GetAsync($"/v1/secret/metadata/{path}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
    }

    public static async Task PutDirectlyAsync(this DevVaultServer vault, string path, object data)
    {
        using var http = Client(vault);
        var response = await http.PostAsJsonAsync($"/v1/secret/data/{path}", new { data });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Deletes the secret with all its versions, as <c>vault kv metadata delete</c> does.</summary>
    public static async Task DeleteDirectlyAsync(this DevVaultServer vault, string path)
    {
        using var http = Client(vault);
        var response = await http.DeleteAsync($"/v1/secret/metadata/{path}");
        response.EnsureSuccessStatusCode();
    }

    private static HttpClient Client(DevVaultServer vault)
    {
        var http = new HttpClient { BaseAddress = vault.Address };
        http.DefaultRequestHeaders.Add("X-Vault-Token", vault.RootToken);
        return http;
    }
}
