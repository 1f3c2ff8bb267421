using System.Text.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads a create/update body strictly: a JSON object with known fields of the right JSON types,
/// each at most once. Unknown fields are refused: a misspelt <c>is_encrypted</c> must not silently
/// store a secret as plain text.
/// </summary>
internal static class ConfigBodyReader
{
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public static async Task<(ConfigBody? Body, RequestErrors Errors)> ReadAsync(
        HttpRequest request, IReadOnlySet<string> allowed, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        if (BodyEncoding.Refusal(request) is { } refusal)
        {
            errors.Add("body", refusal);
            errors.Status = StatusCodes.Status415UnsupportedMediaType;
            return (null, errors);
        }

        using var document = await ParseAsync(request, errors, cancellationToken);
        if (document is null)
        {
            return (null, errors);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "The body must be a JSON object.");
            return (null, errors);
        }

        if (!BodyEncoding.IsWellFormedText(document.RootElement))
        {
            errors.Add("body", BodyEncoding.NotText);
            errors.Code = "invalid_encoding";
            return (null, errors);
        }

        var fields = ReadFields(document.RootElement, allowed, errors);
        var body = new ConfigBody(
            StringOf(fields, "key", errors), StringOf(fields, "value", errors), StringOf(fields, "environment", errors),
            StringOf(fields, "service_name", errors), BoolOf(fields, "is_encrypted", errors));
        return (body, errors);
    }

    private static async Task<JsonDocument?> ParseAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 8 }, cancellationToken);
        }
        catch (JsonException e)
        {
            errors.Add("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return null;
        }
    }

    private static Dictionary<string, JsonElement> ReadFields(JsonElement root, IReadOnlySet<string> allowed, RequestErrors errors)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                errors.Add(property.Name, $"Unknown field '{property.Name}'. Allowed: {string.Join(", ", allowed.Order())}.");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(property.Name, $"Field '{property.Name}' appears more than once.");
            }
        }

        return fields;
    }

    private static string? StringOf(Dictionary<string, JsonElement> fields, string name, RequestErrors errors)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        errors.Add(name, $"'{name}' must be a JSON string.");
        return null;
    }

    private static bool? BoolOf(Dictionary<string, JsonElement> fields, string name, RequestErrors errors)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            return null;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        errors.Add(name, $"'{name}' must be true or false.");
        return null;
    }
}
