using System.Text.Json.Serialization;

namespace ConfigCluster.BenchTools.Seeding;

/// <summary>The body of <c>POST /api/v1/config</c>.</summary>
internal sealed record CreateBody(string Key, string Value, string Environment, string ServiceName, bool IsEncrypted);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CreateBody))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
