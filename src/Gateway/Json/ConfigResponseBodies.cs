using System.Text.Json;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The response body of a config. A plain config whose grain is in this silo is rendered once per
/// publication by the local reads (<see cref="LocalReadBodies"/>) and answered from there; what is read
/// through a grain (a version, a config whose grain is elsewhere or not loaded, an encrypted value) is
/// serialized for its request. An encrypted value is never kept: it lives in memory only for its request.
/// </summary>
internal static class ConfigResponseBodies
{
    /// <summary>The config's body, with its version as entity tag (<c>If-None-Match</c> answers 304).</summary>
    public static JsonBody For(ConfigEntry entry) =>
        new(JsonSerializer.SerializeToUtf8Bytes(ConfigResponse.From(entry), GatewayJsonContext.Default.ConfigResponse))
        {
            ETag = Apis.EntityTags.Of(entry.Version),
        };
}
