using System.Text.RegularExpressions;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Storage;

/// <summary>
/// A state with every kind of thing a dev Vault keeps, written over HTTP, and the reads that show all of
/// it byte for byte (only each answer's request_id differs from one read to the next).
/// </summary>
internal static partial class StoredScenario
{
    /// <summary>KV v2 at secret/ (default) and team/kv/, KV v1 at kv1/.</summary>
    public static void Mounts(DevVaultOptions options)
    {
        options.Mounts.Add(new DevVaultMount("team/kv", 2));
        options.Mounts.Add(new DevVaultMount("kv1", 1));
    }

    public static async Task WriteAsync(VaultHttp http)
    {
        await Ok(http.PostAsync("/v1/secret/config", """{"max_versions":6,"cas_required":false,"delete_version_after":"768h"}"""));
        await Ok(http.PostAsync("/v1/team/kv/config", """{"cas_required":true}"""));
        foreach (string data in new[] { """{"password":"one","n":1.50}""", """{"password":"two"}""", """{"nested":{"b":[1,2],"a":"<&>"},"u":"ünïcode ✓"}""", """{"password":"four"}""" })
        {
            await Ok(http.PostAsync("/v1/secret/data/app/db", $$$"""{"data":{{{data}}}}"""));
        }

        await Ok(http.PostAsync("/v1/secret/delete/app/db", """{"versions":[2]}"""));
        await Ok(http.PostAsync("/v1/secret/destroy/app/db", """{"versions":[3]}"""));
        await Ok(http.DeleteAsync("/v1/secret/data/app/db"));
        await Ok(http.PostAsync("/v1/secret/metadata/app/db", """{"custom_metadata":{"owner":"team-a","ünï":"✓"},"max_versions":9,"delete_version_after":"1h30m"}"""));
        await Ok(http.PostAsync("/v1/secret/data/undeleted", """{"data":{"v":"1"}}"""));
        await Ok(http.PostAsync("/v1/secret/delete/undeleted", """{"versions":[1]}"""));
        await Ok(http.PostAsync("/v1/secret/undelete/undeleted", """{"versions":[1]}"""));
        await Ok(http.PatchAsync("/v1/secret/data/undeleted", """{"data":{"w":"2"}}"""));
        await Ok(http.PostAsync("/v1/secret/data/gone", """{"data":{"v":"1"}}"""));
        await Ok(http.DeleteAsync("/v1/secret/metadata/gone"));
        await Ok(http.PostAsync("/v1/secret/data/reborn", """{"data":{"life":"first"}}"""));
        await Ok(http.DeleteAsync("/v1/secret/metadata/reborn"));
        await Ok(http.PostAsync("/v1/secret/data/reborn", """{"data":{"life":"second"}}"""));
        await Ok(http.PostAsync("/v1/secret/metadata/only-metadata", """{"cas_required":true,"custom_metadata":{"k":"v"}}"""));
        await Ok(http.PostAsync("/v1/team/kv/metadata/pruned", """{"max_versions":2}"""));
        for (int cas = 0; cas < 4; cas++)
        {
            await Ok(http.PostAsync("/v1/team/kv/data/pruned", $$$"""{"options":{"cas":{{{cas}}}},"data":{"n":{{{cas}}}}}"""));
        }

        await Ok(http.PostAsync("/v1/kv1/plain", """{"value":"x","ttl":"1h","n":1.50}"""));
        await Ok(http.PostAsync("/v1/kv1/folder/deep", """{"value":"y"}"""));
        await Ok(http.PostAsync("/v1/kv1/removed", """{"value":"z"}"""));
        await Ok(http.DeleteAsync("/v1/kv1/removed"));
    }

    /// <summary>Every answer that shows the scenario's state, by path, request ids blanked.</summary>
    public static async Task<Dictionary<string, string>> ReadAsync(VaultHttp http)
    {
        List<string> paths = ["/v1/secret/config", "/v1/team/kv/config", "/v1/sys/mounts", "/v1/sys/internal/ui/mounts/secret",
            "/v1/secret/metadata?list=true", "/v1/secret/metadata/app?list=true", "/v1/team/kv/metadata?list=true",
            "/v1/kv1?list=true", "/v1/kv1/plain", "/v1/kv1/folder/deep", "/v1/kv1/removed"];
        (string Mount, string Name)[] keys =
            [("secret", "app/db"), ("secret", "undeleted"), ("secret", "gone"), ("secret", "reborn"), ("secret", "only-metadata"), ("team/kv", "pruned")];
        foreach ((string mount, string name) in keys)
        {
            paths.Add($"/v1/{mount}/metadata/{name}");
            paths.AddRange(Enumerable.Range(1, 5).Select(version => $"/v1/{mount}/data/{name}?version={version}"));
        }

        var answers = new Dictionary<string, string>();
        foreach (string path in paths)
        {
            VaultReply reply = await http.GetAsync(path);
            answers[path] = $"{reply.Status} {RequestId().Replace(reply.Text, "\"request_id\":\"\"")}";
        }

        return answers;
    }

    private static async Task Ok(Task<VaultReply> request)
    {
        VaultReply reply = await request;
        Assert.True(reply.Status is 200 or 204, $"{reply.Status}: {reply.Text}");
    }

    [GeneratedRegex("\"request_id\":\"[^\"]*\"")]
    private static partial Regex RequestId();
}
