using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>The <c>data</c> payloads of KV v2 (and v1 list) answers, parsed tolerantly (vault-kv-contract §3, §7).</summary>
internal static class KvResponseParser
{
    /// <summary><c>data.data</c> + <c>data.metadata</c> of a read (also the 404 body of a deleted/destroyed version).</summary>
    public static bool TryParseSecret(VaultResponse response, out KvSecret secret)
    {
        secret = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data)
            || !data.TryGet("metadata", JsonValueKind.Object, out var metadata))
        {
            return false;
        }

        var values = data.TryGet("data", JsonValueKind.Object, out var dataElement) ? JsonObject.Create(dataElement) : null;
        secret = new KvSecret(values, ParseVersion(metadata));
        return true;
    }

    /// <summary>The flat version metadata of a write/patch (and of the 404 body of a patch on a deleted version).</summary>
    public static bool TryParseVersion(VaultResponse response, out KvVersionMetadata version)
    {
        version = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data)
            || !data.TryGetProperty("version", out _))
        {
            return false;
        }

        version = ParseVersion(data);
        return true;
    }

    public static bool TryParseMetadata(VaultResponse response, out KvMetadata metadata)
    {
        metadata = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data))
        {
            return false;
        }

        metadata = new KvMetadata(
            data.GetInt64OrDefault("current_version"),
            data.GetInt64OrDefault("oldest_version"),
            data.GetInt32OrDefault("max_versions"),
            data.GetBooleanOrDefault("cas_required"),
            data.GetTimestampOrMin("created_time"),
            data.GetTimestampOrMin("updated_time"),
            data.GetStringOrEmpty("delete_version_after"),
            data.GetStringMapOrNull("custom_metadata"),
            ParseVersions(data));
        return true;
    }

    public static bool TryParseMountConfig(VaultResponse response, out KvMountConfig config)
    {
        config = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data))
        {
            return false;
        }

        config = new KvMountConfig(
            data.GetInt32OrDefault("max_versions"), data.GetBooleanOrDefault("cas_required"), data.GetStringOrEmpty("delete_version_after"));
        return true;
    }

    public static bool TryParseKeys(VaultResponse response, out IReadOnlyList<string> keys)
    {
        keys = [];
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetData(root, out var data))
        {
            return false;
        }

        keys = data.GetStringList("keys");
        return true;
    }

    private static KvVersionMetadata ParseVersion(JsonElement metadata) => new(
        metadata.GetInt64OrDefault("version"),
        metadata.GetTimestampOrMin("created_time"),
        metadata.GetTimestampOrNull("deletion_time"),
        metadata.GetBooleanOrDefault("destroyed"),
        metadata.GetStringMapOrNull("custom_metadata"));

    private static Dictionary<long, KvVersionInfo> ParseVersions(JsonElement data)
    {
        var versions = new Dictionary<long, KvVersionInfo>();
        if (!data.TryGet("versions", JsonValueKind.Object, out var map))
        {
            return versions;
        }

        foreach (var entry in map.EnumerateObject())
        {
            if (long.TryParse(entry.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                versions[number] = new KvVersionInfo(
                    entry.Value.GetTimestampOrMin("created_time"),
                    entry.Value.GetTimestampOrNull("deletion_time"),
                    entry.Value.GetBooleanOrDefault("destroyed"));
            }
        }

        return versions;
    }
}
