using System.Text.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads a create/update body strictly (see <see cref="JsonBodyReader"/>): a JSON object with known fields of the
/// right JSON types, each at most once. Unknown fields are refused: a misspelt <c>is_encrypted</c> must not
/// silently store a secret as plain text.
/// </summary>
internal static class ConfigBodyReader
{
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    public static async Task<(ConfigBody? Body, RequestErrors Errors)> ReadAsync(
        HttpRequest request, IReadOnlySet<string> allowed, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        var (document, fields) = await JsonBodyReader.ReadObjectAsync(request, allowed, errors, cancellationToken);
        using (document)
        {
            if (document is null)
            {
                return (null, errors);
            }

            var body = new ConfigBody(
                StringOf(fields, "key", errors), StringOf(fields, "value", errors), StringOf(fields, "environment", errors),
                StringOf(fields, "service_name", errors), BoolOf(fields, "is_encrypted", errors));
            return (body, errors);
        }
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
