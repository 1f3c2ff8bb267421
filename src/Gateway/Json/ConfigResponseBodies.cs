using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The response body of a config. A config grain in this silo hands every read of one snapshot the same
/// immutable entry, so the bytes of a plain config are kept with that entry and a cached GET serializes
/// once per change, not once per request; they go when the grain lets go of the entry. Encrypted configs
/// are serialized per request and never kept: a secret lives in memory only for its request.
/// </summary>
internal static class ConfigResponseBodies
{
    private static readonly ConditionalWeakTable<ConfigEntry, byte[]> Plain = new();

    public static JsonBody For(ConfigEntry entry) => new(entry.IsEncrypted ? Serialize(entry) : Plain.GetValue(entry, Serialize));

    private static byte[] Serialize(ConfigEntry entry) =>
        JsonSerializer.SerializeToUtf8Bytes(ConfigResponse.From(entry), GatewayJsonContext.Default.ConfigResponse);
}
