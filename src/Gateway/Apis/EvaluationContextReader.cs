using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads who a flag is evaluated for. The REST API takes <c>{"targeting_key" (or "user_id"): "...", "attributes": {...}}</c>;
/// OFREP takes a <c>context</c> object whose <c>targetingKey</c> is the targeting key and whose other members are the
/// attributes. Attribute values keep their JSON type (string, number, boolean; anything else compares as nothing).
/// Problems never repeat a value: a context is personal data.
/// </summary>
internal static class EvaluationContextReader
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int MaxDepth = 16;
    public const int MaxAttributes = 256;

    private static readonly HashSet<string> ApiFields = ["targeting_key", "user_id", "attributes"];

    /// <summary>
    /// The REST API's context; an empty body is an empty context. Null with the reasons in <paramref name="errors"/>;
    /// <paramref name="raw"/> is the body as sent, for the ETag of a bulk answer.
    /// </summary>
    public static async Task<(EvaluationContext? Context, string Raw)> ReadApiAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false)
        {
            return (EvaluationContext.Empty, "");
        }

        var (document, fields) = await JsonBodyReader.ReadObjectAsync(request, ApiFields, errors, cancellationToken, MaxDepth);
        using (document)
        {
            if (document is null || errors.Any)
            {
                return (null, "");
            }

            var targetingKey = ApiTargetingKey(fields, errors);
            var attributes = fields.TryGetValue("attributes", out var given) ? Attributes(given, skip: null, "attributes", errors) : [];
            return errors.Any ? (null, "") : (new EvaluationContext(targetingKey, attributes), document.RootElement.GetRawText());
        }
    }

    /// <summary>OFREP's <c>context</c> object; null with the reason (for <c>INVALID_CONTEXT</c>) in <paramref name="problem"/>.</summary>
    public static EvaluationContext? ReadOfrep(JsonElement context, out string? problem)
    {
        problem = null;
        if (context.ValueKind != JsonValueKind.Object)
        {
            problem = "'context' must be a JSON object.";
            return null;
        }

        string? targetingKey = null;
        if (context.TryGetProperty("targetingKey", out var key))
        {
            if (key.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                problem = "'context.targetingKey' must be a string.";
                return null;
            }

            targetingKey = key.GetString();
        }

        var errors = new RequestErrors();
        var attributes = Attributes(context, skip: "targetingKey", "context", errors);
        if (errors.Any)
        {
            problem = string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m));
            return null;
        }

        return new EvaluationContext(targetingKey, attributes);
    }

    private static string? ApiTargetingKey(Dictionary<string, JsonElement> fields, RequestErrors errors)
    {
        string? targetingKey = null;
        foreach (var name in (ReadOnlySpan<string>)["targeting_key", "user_id"])
        {
            if (!fields.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(name, $"'{name}' must be a string.");
            }
            else if (targetingKey is not null && targetingKey != value.GetString())
            {
                errors.Add(name, "'targeting_key' and 'user_id' name the same thing; give one, or both the same.");
            }
            else
            {
                targetingKey = value.GetString();
            }
        }

        return targetingKey;
    }

    private static Dictionary<string, ContextValue> Attributes(JsonElement element, string? skip, string field, RequestErrors errors)
    {
        Dictionary<string, ContextValue> attributes = new(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return attributes;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(field, $"'{field}' must be a JSON object of attribute names and values.");
            return attributes;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == skip)
            {
                continue;
            }

            if (attributes.Count == MaxAttributes)
            {
                errors.Add(field, $"'{field}' may have at most {MaxAttributes} attributes.");
                break;
            }

            attributes[property.Name] = ContextValue.FromJson(property.Value);
        }

        return attributes;
    }
}
