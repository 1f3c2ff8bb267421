using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The response body of a config. A config grain in this silo hands every read of one snapshot the same
/// immutable entry, so the body of a plain config is kept with that entry: a cached GET serializes (and
/// allocates) once per change, not once per request, and the body goes when the grain lets go of the
/// entry. Encrypted configs are serialized per request and never kept: a secret lives in memory only
/// for its request.
/// </summary>
internal static class ConfigResponseBodies
{
    private static readonly ConditionalWeakTable<ConfigEntry, JsonBody> Plain = new();

    public static JsonBody For(ConfigEntry entry) => entry.IsEncrypted ? Serialize(entry) : Plain.GetValue(entry, Serialize);

    private static JsonBody Serialize(ConfigEntry entry) => JsonBody.Of(ConfigResponse.From(entry), GatewayJsonContext.Default.ConfigResponse);
}
