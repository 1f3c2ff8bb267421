using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads the registry API's bodies: a registration (snake_case, each field of its JSON type, durations as
/// <c>500ms</c>, <c>10s</c>, <c>1m</c>) and a heartbeat's optional status and output. Only the shape is read here;
/// the values' limits and the check guard are the instance grain's (RegistrationRules). Problems name the field,
/// never the value sent.
/// </summary>
internal static class RegistryBodyReader
{
    /// <summary>A registration is small: metadata and tags are bounded, and so is the body.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    private static readonly HashSet<string> RegistrationFields =
        ["address", "port", "scheme", "metadata", "tags", "weight", "check", "deregister_critical_after"];

    private static readonly HashSet<string> CheckFields =
        ["type", "ttl", "path", "interval", "timeout", "expected_statuses", "success_before_passing", "failures_before_critical"];

    /// <summary>Fields other registries give a check to point it elsewhere; here a check only targets its own instance.</summary>
    private static readonly HashSet<string> ElsewhereFields = ["http", "url", "host", "address", "port", "tcp", "grpc", "args", "script"];

    private static readonly HashSet<string> HeartbeatFields = ["status", "output"];

    public static async Task<InstanceRegistration?> ReadRegistrationAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        var (document, fields) = await JsonBodyReader.ReadObjectAsync(request, RegistrationFields, errors, cancellationToken);
        using (document)
        {
            if (document is null || errors.Any)
            {
                return null;
            }

            var address = Text(fields, "address", errors, required: true);
            var port = Number(fields, "port", errors, required: true);
            var scheme = Text(fields, "scheme", errors, required: false) ?? "http";
            var metadata = Metadata(fields, errors);
            var tags = Tags(fields, errors);
            var weight = Number(fields, "weight", errors, required: false) ?? 1;
            var check = fields.TryGetValue("check", out var checkJson) ? Check(checkJson, errors) : Missing("check", errors);
            var deregister = Duration(fields, "deregister_critical_after", "deregister_critical_after", errors) ?? TimeSpan.Zero;
            return errors.Any ? null : new InstanceRegistration(address!, port!.Value, scheme, metadata, tags, weight, check!, deregister);
        }
    }

    /// <summary>A heartbeat's body: none, or <c>{"status": "passing|warning|critical", "output": "..."}</c>.</summary>
    public static async Task<(InstanceStatus? Status, string? Output)> ReadHeartbeatAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return (null, null);
        }

        var (document, fields) = await JsonBodyReader.ReadObjectAsync(request, HeartbeatFields, errors, cancellationToken);
        using (document)
        {
            if (document is null || errors.Any)
            {
                return (null, null);
            }

            InstanceStatus? status = null;
            if (Text(fields, "status", errors, required: false) is { } text)
            {
                if (InstanceStatuses.TryParse(text, out var said))
                {
                    status = said;
                }
                else
                {
                    errors.Add("status", "'status' must be 'passing', 'warning' or 'critical'.");
                }
            }

            var output = Text(fields, "output", errors, required: false);
            if (output is { Length: > Grains.Registry.RegistrationRules.MaxOutputLength })
            {
                errors.Add("output", $"'output' must be at most {Grains.Registry.RegistrationRules.MaxOutputLength} characters.");
            }

            return (status, output);
        }
    }

    private static RegistryCheck? Check(JsonElement json, RequestErrors errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add("check", "'check' must be an object with 'type' (ttl, http or tcp).");
            return null;
        }

        Dictionary<string, JsonElement> fields = new(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            var field = $"check.{property.Name}";
            if (ElsewhereFields.Contains(property.Name))
            {
                errors.Add(field, "A check targets its instance's own address and port only; an http check takes 'path' on it.");
            }
            else if (!CheckFields.Contains(property.Name))
            {
                errors.Add(field, $"Unknown field '{property.Name}'. Allowed: {string.Join(", ", CheckFields.Order())}.");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                errors.Add(field, $"Field '{field}' appears more than once.");
            }
        }

        var typeText = Text(fields, "type", errors, required: true, prefix: "check.");
        if (typeText is not null && !RegistryCheckJson.TryParseType(typeText, out _))
        {
            errors.Add("check.type", "'check.type' must be 'ttl', 'http' or 'tcp'.");
        }

        RegistryCheckJson.TryParseType(typeText, out var type);
        var check = new RegistryCheck(
            type,
            Duration(fields, "ttl", "check.ttl", errors),
            Text(fields, "path", errors, required: false, prefix: "check."),
            Duration(fields, "interval", "check.interval", errors),
            Duration(fields, "timeout", "check.timeout", errors),
            Statuses(fields, errors),
            Number(fields, "success_before_passing", errors, required: false, prefix: "check."),
            Number(fields, "failures_before_critical", errors, required: false, prefix: "check."));
        return errors.Any ? null : check;
    }

    private static IReadOnlyList<int>? Statuses(Dictionary<string, JsonElement> fields, RequestErrors errors)
    {
        if (!fields.TryGetValue("expected_statuses", out var json))
        {
            return null;
        }

        if (json.ValueKind != JsonValueKind.Array || json.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out _)))
        {
            errors.Add("check.expected_statuses", "'check.expected_statuses' must be an array of HTTP status codes.");
            return null;
        }

        return [.. json.EnumerateArray().Select(s => s.GetInt32())];
    }

    private static Dictionary<string, string> Metadata(Dictionary<string, JsonElement> fields, RequestErrors errors)
    {
        Dictionary<string, string> metadata = new(StringComparer.Ordinal);
        if (!fields.TryGetValue("metadata", out var json))
        {
            return metadata;
        }

        if (json.ValueKind != JsonValueKind.Object || json.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            errors.Add("metadata", "'metadata' must be an object of string values.");
            return metadata;
        }

        foreach (var property in json.EnumerateObject())
        {
            if (!metadata.TryAdd(property.Name, property.Value.GetString()!))
            {
                errors.Add("metadata", "'metadata' must not repeat a key.");
            }
        }

        return metadata;
    }

    private static List<string> Tags(Dictionary<string, JsonElement> fields, RequestErrors errors)
    {
        if (!fields.TryGetValue("tags", out var json))
        {
            return [];
        }

        if (json.ValueKind != JsonValueKind.Array || json.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            errors.Add("tags", "'tags' must be an array of strings.");
            return [];
        }

        return [.. json.EnumerateArray().Select(t => t.GetString()!)];
    }

    private static TimeSpan? Duration(Dictionary<string, JsonElement> fields, string name, string field, RequestErrors errors)
    {
        if (!fields.TryGetValue(name, out var json))
        {
            return null;
        }

        if (json.ValueKind == JsonValueKind.String && RegistryDuration.TryParse(json.GetString(), out var duration))
        {
            return duration;
        }

        errors.Add(field, $"'{field}' must be a duration with a unit, such as \"500ms\", \"10s\" or \"1m\".");
        return null;
    }

    private static string? Text(Dictionary<string, JsonElement> fields, string name, RequestErrors errors, bool required, string prefix = "")
    {
        if (!fields.TryGetValue(name, out var json))
        {
            return required ? Missing<string>(prefix + name, errors) : null;
        }

        if (json.ValueKind == JsonValueKind.String)
        {
            return json.GetString();
        }

        errors.Add(prefix + name, $"'{prefix}{name}' must be a string.");
        return null;
    }

    private static int? Number(Dictionary<string, JsonElement> fields, string name, RequestErrors errors, bool required, string prefix = "")
    {
        if (!fields.TryGetValue(name, out var json))
        {
            return required ? Missing<int?>(prefix + name, errors) : null;
        }

        if (json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var number))
        {
            return number;
        }

        errors.Add(prefix + name, $"'{prefix}{name}' must be a whole number.");
        return null;
    }

    private static RegistryCheck? Missing(string field, RequestErrors errors) => Missing<RegistryCheck>(field, errors);

    private static T? Missing<T>(string field, RequestErrors errors)
    {
        errors.Add(field, $"'{field}' is required.");
        return default;
    }
}
