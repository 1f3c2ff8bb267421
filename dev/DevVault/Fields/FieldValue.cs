using System.Text.Json;

namespace ConfigCluster.DevVault.Fields;

/// <summary>One raw request field: a JSON body value, or a query-string text.</summary>
internal readonly record struct FieldValue(JsonElement Json, string? Text)
{
    public bool IsText => Text is not null;

    public static FieldValue FromText(string text) => new(default, text);

    public static FieldValue FromJson(JsonElement json) => new(json, null);

    /// <summary>A string view for JSON strings and query texts; null for other JSON kinds.</summary>
    public string? AsString => IsText ? Text : Json.ValueKind == JsonValueKind.String ? Json.GetString() : null;

    /// <summary>Go's type name as mapstructure reports it for values it cannot convert.</summary>
    public string GoTypeName => IsText ? "string" : Json.ValueKind switch
    {
        JsonValueKind.Object => "map[string]interface {}",
        JsonValueKind.Array => "[]interface {}",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Number => "json.Number",
        _ => "string",
    };
}
