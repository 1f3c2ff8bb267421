using System.Text.Json;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>Sets auth methods up over HTTP with the root token, the way a run script would against Vault.</summary>
internal static class AuthSetup
{
    public static async Task EnableAsync(VaultHttp http, string type, string? path = null)
    {
        VaultReply reply = await http.PostAsync($"/v1/sys/auth/{path ?? type}", $$"""{"type":"{{type}}"}""");
        Assert.Equal(204, reply.Status);
    }

    /// <summary>Writes the role and answers its role_id and a new secret_id.</summary>
    public static async Task<(string RoleId, string SecretId)> AppRoleAsync(VaultHttp http, string role, string roleJson, string mount = "approle")
    {
        Assert.True((await http.PostAsync($"/v1/auth/{mount}/role/{role}", roleJson)).Status is 200 or 204);
        string roleId = (await http.GetAsync($"/v1/auth/{mount}/role/{role}/role-id")).Json.GetProperty("data").GetProperty("role_id").GetString()!;
        string secretId = (await http.PostAsync($"/v1/auth/{mount}/role/{role}/secret-id", "{}")).Json.GetProperty("data").GetProperty("secret_id").GetString()!;
        return (roleId, secretId);
    }

    public static Task<VaultReply> AppRoleLoginAsync(VaultHttp http, string roleId, string secretId, string mount = "approle") =>
        http.PostAsync($"/v1/auth/{mount}/login", $$"""{"role_id":"{{roleId}}","secret_id":"{{secretId}}"}""", token: null);

    /// <summary>Enables AppRole, writes the role and logs in: the client token.</summary>
    public static async Task<string> AppRoleTokenAsync(VaultHttp http, string roleJson = """{"token_policies":["myapp"]}""")
    {
        await EnableAsync(http, "approle");
        (string roleId, string secretId) = await AppRoleAsync(http, "myapp", roleJson);
        return ClientToken(await AppRoleLoginAsync(http, roleId, secretId));
    }

    public static string ClientToken(VaultReply login)
    {
        Assert.Equal(200, login.Status);
        return login.Json.GetProperty("auth").GetProperty("client_token").GetString()!;
    }

    public static JsonElement Auth(VaultReply reply) => reply.Json.GetProperty("auth");
}
