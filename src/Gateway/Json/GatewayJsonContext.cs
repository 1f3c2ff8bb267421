using System.Text.Json.Serialization;

namespace ConfigCluster.Gateway.Json;

/// <summary>Source-generated JSON for every body the gateway writes: snake_case names, UTC times with Z.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ConfigResponse))]
[JsonSerializable(typeof(ConfigListResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(ConfigHistoryResponse))]
[JsonSerializable(typeof(ConfigDiffResponse))]
[JsonSerializable(typeof(ApiKeyResponse))]
[JsonSerializable(typeof(ApiKeyListResponse))]
[JsonSerializable(typeof(EnvironmentImportResponse))]
[JsonSerializable(typeof(EnvironmentCompareResponse))]
[JsonSerializable(typeof(LegacyMigrationResponse))]
[JsonSerializable(typeof(LegacyMigrationReport))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
