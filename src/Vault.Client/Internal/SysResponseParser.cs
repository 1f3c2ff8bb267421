using System.Text.Json;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>Bodies of <c>sys/*</c> and <c>auth/token/*</c> answers (vault-kv-contract §4, §5, §6).</summary>
internal static class SysResponseParser
{
    /// <summary>The health body is not an envelope and comes with 200, 429, 472–474, 501, 503 or 530 alike.</summary>
    public static bool TryParseHealth(VaultResponse response, out VaultHealth health)
    {
        health = null!;
        if (response.Status is not { } status || !response.TryGetJson(out var root) || !IsHealthBody(root))
        {
            return false;
        }

        health = new VaultHealth(
            root.GetBooleanOrDefault("initialized"),
            root.GetBooleanOrDefault("sealed"),
            root.GetBooleanOrDefault("standby"),
            root.GetStringOrEmpty("version"),
            status);
        return true;
    }

    private static bool IsHealthBody(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("initialized", out var initialized)
        && initialized.ValueKind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>lookup-self <c>data</c> without <c>id</c> (the token) or the accessor.</summary>
    public static bool TryParseTokenInfo(VaultResponse response, out VaultTokenInfo info)
    {
        info = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data))
        {
            return false;
        }

        info = new VaultTokenInfo(
            data.GetStringOrEmpty("display_name"),
            data.GetStringList("policies"),
            data.GetInt64OrDefault("ttl"),
            data.GetBooleanOrDefault("renewable"),
            data.GetTimestampOrNull("expire_time"));
        return true;
    }

    /// <summary>renew-self <c>auth</c> block without <c>client_token</c> or the accessor.</summary>
    public static bool TryParseRenewal(VaultResponse response, out VaultTokenRenewal renewal)
    {
        renewal = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetAuth(root, out var auth))
        {
            return false;
        }

        renewal = new VaultTokenRenewal(
            auth.GetInt64OrDefault("lease_duration"), auth.GetBooleanOrDefault("renewable"), auth.GetStringList("policies"));
        return true;
    }

    public static bool TryParseMount(VaultResponse response, out VaultMountInfo mount)
    {
        mount = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data))
        {
            return false;
        }

        mount = ParseMount(data.GetStringOrEmpty("path"), data);
        return true;
    }

    /// <summary><c>sys/mounts</c>: only <c>data</c> is read (Vault also copies each mount to the top level).</summary>
    public static bool TryParseMounts(VaultResponse response, out IReadOnlyList<VaultMountInfo> mounts)
    {
        mounts = [];
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data))
        {
            return false;
        }

        mounts = [.. data.EnumerateObject()
            .Where(m => m.Value.ValueKind == JsonValueKind.Object)
            .Select(m => ParseMount(m.Name, m.Value))
            .OrderBy(m => m.Path, StringComparer.Ordinal)];
        return true;
    }

    /// <summary>The CLI's decision table: options null or version absent/""/"1" means v1, "2" means v2; non-KV engines get 0.</summary>
    private static VaultMountInfo ParseMount(string path, JsonElement mount)
    {
        var type = mount.GetStringOrEmpty("type");
        var isKv = type is "kv" or "generic";
        var version = mount.TryGet("options", JsonValueKind.Object, out var options) ? options.GetStringOrEmpty("version") : string.Empty;
        return new VaultMountInfo(path, type, !isKv ? 0 : version == "2" ? 2 : 1);
    }
}
