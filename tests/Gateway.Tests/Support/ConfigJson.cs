using System.Text.Json.Serialization;

namespace ConfigCluster.Gateway.Tests.Support;

/// <summary>A config body as the API answers it.</summary>
public sealed record ConfigJson(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("is_encrypted")] bool IsEncrypted,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt);

public sealed record ConfigListJson(
    [property: JsonPropertyName("items")] IReadOnlyList<ConfigJson> Items,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("offset")] int Offset);

public sealed record ProblemJson(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("errors")] Dictionary<string, string[]>? Errors);
