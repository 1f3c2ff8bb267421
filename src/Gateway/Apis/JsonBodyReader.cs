using System.Text.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads a request body as one JSON object, strictly: <c>application/json</c> in UTF-8 and uncompressed (else 415),
/// valid JSON of at most 8 levels (or as many as the caller allows), an object, well-formed text throughout, and only the allowed fields, each at
/// most once. What is wrong goes to the request's errors; the caller disposes the document.
/// </summary>
internal static class JsonBodyReader
{
    public const int DefaultMaxDepth = 8;

    public static async Task<(JsonDocument? Document, Dictionary<string, JsonElement> Fields)> ReadObjectAsync(
        HttpRequest request, IReadOnlySet<string> allowed, RequestErrors errors, CancellationToken cancellationToken,
        int maxDepth = DefaultMaxDepth, bool mergePatch = false)
    {
        Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
        if (BodyEncoding.Refusal(request, mergePatch) is { } refusal)
        {
            errors.Add("body", refusal);
            errors.Status = StatusCodes.Status415UnsupportedMediaType;
            return (null, fields);
        }

        var document = await ParseAsync(request, maxDepth, errors, cancellationToken);
        if (document is null)
        {
            return (null, fields);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "The body must be a JSON object.");
        }
        else if (!BodyEncoding.IsWellFormedText(document.RootElement))
        {
            errors.Add("body", BodyEncoding.NotText);
            errors.Code = "invalid_encoding";
        }
        else
        {
            ReadFields(document.RootElement, allowed, fields, errors);
            return (document, fields);
        }

        document.Dispose();
        return (null, fields);
    }

    private static async Task<JsonDocument?> ParseAsync(HttpRequest request, int maxDepth, RequestErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = maxDepth }, cancellationToken);
        }
        catch (JsonException e)
        {
            errors.Add("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return null;
        }
    }

    private static void ReadFields(JsonElement root, IReadOnlySet<string> allowed, Dictionary<string, JsonElement> fields, RequestErrors errors)
    {
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
    }
}
