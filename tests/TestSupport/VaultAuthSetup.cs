using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ConfigCluster.TestSupport;

/// <summary>
/// Sets up Vault's side of a login over Vault's HTTP API with a root token, as an operator would with the CLI
/// (<c>vault auth enable approle</c>, <c>vault write auth/approle/role/NAME ...</c>): against the dev Vault, or a real one.
/// </summary>
public sealed class VaultAuthSetup(Uri address, string rootToken) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(address, "/v1/"), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Enables the auth method <paramref name="type"/> at <paramref name="path"/> unless something is enabled there.</summary>
    public async Task EnableAsync(string type, string? path = null)
    {
        var mounts = await SendAsync(HttpMethod.Get, "sys/auth");
        if (mounts?["data"]?[$"{path ?? type}/"] is null)
        {
            await SendAsync(HttpMethod.Post, $"sys/auth/{path ?? type}", new JsonObject { ["type"] = type });
        }
    }

    /// <summary>An AppRole role whose tokens live <paramref name="tokenTtl"/>, renewable up to <paramref name="maxTtl"/>; its role id and a new secret id.</summary>
    public async Task<(string RoleId, string SecretId)> AppRoleAsync(string role, string tokenTtl, string maxTtl)
    {
        await EnableAsync("approle");
        await SendAsync(HttpMethod.Post, $"auth/approle/role/{role}", new JsonObject
        {
            ["token_policies"] = new JsonArray("configcluster"),
            ["token_ttl"] = tokenTtl,
            ["token_max_ttl"] = maxTtl,
        });
        var roleId = (await SendAsync(HttpMethod.Get, $"auth/approle/role/{role}/role-id"))!["data"]!["role_id"]!.GetValue<string>();
        var secretId = (await SendAsync(HttpMethod.Post, $"auth/approle/role/{role}/secret-id", new JsonObject()))!["data"]!["secret_id"]!.GetValue<string>();
        return (roleId, secretId);
    }

    /// <summary>Kubernetes auth verifying service-account tokens against <paramref name="publicKeyPem"/>, and a role bound to one account.</summary>
    public async Task KubernetesRoleAsync(string role, string publicKeyPem, string serviceAccount, string @namespace, string tokenTtl)
    {
        await EnableAsync("kubernetes");
        await SendAsync(HttpMethod.Post, "auth/kubernetes/config", new JsonObject
        {
            ["kubernetes_host"] = "https://kubernetes.default.svc",
            ["pem_keys"] = new JsonArray(publicKeyPem),
        });
        await SendAsync(HttpMethod.Post, $"auth/kubernetes/role/{role}", new JsonObject
        {
            ["bound_service_account_names"] = new JsonArray(serviceAccount),
            ["bound_service_account_namespaces"] = new JsonArray(@namespace),
            ["token_policies"] = new JsonArray("configcluster"),
            ["token_ttl"] = tokenTtl,
        });
    }

    /// <summary>
    /// Revokes, behind their holders' backs, every token issued under <paramref name="prefix"/> (e.g.
    /// <c>auth/approle/login</c>): <c>sys/leases/revoke-prefix</c>, as <c>vault token revoke -mode=path</c> does.
    /// </summary>
    public Task RevokePrefixAsync(string prefix) => SendAsync(HttpMethod.Post, $"sys/leases/revoke-prefix/{prefix}");

    /// <summary>Sends one call; fails the test on an error status.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Vault-Token", rootToken);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Vault {method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public void Dispose() => _http.Dispose();
}
