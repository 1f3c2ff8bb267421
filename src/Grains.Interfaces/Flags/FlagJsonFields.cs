using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Reading the JSON fields of a flag body, each checked for its JSON type. A wrong one adds a problem that names
/// the field and what it must be, never the value sent, and gives null.
/// </summary>
internal static class FlagJsonFields
{
    /// <summary>
    /// The fields of an object that are allowed, in the order sent, each once: an unknown field and a repeated
    /// one are problems.
    /// </summary>
    public static List<JsonProperty> Known(List<(string Field, string Message)> problems, JsonElement body, string path, IReadOnlyList<string> allowed)
    {
        var known = new List<JsonProperty>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var field = Path(path, property.Name);
            if (!allowed.Contains(property.Name))
            {
                problems.Add((field, $"Unknown field '{property.Name}'. Allowed fields: {string.Join(", ", allowed)}."));
            }
            else if (!seen.Add(property.Name))
            {
                problems.Add((field, $"'{field}' appears more than once."));
            }
            else
            {
                known.Add(property);
            }
        }

        return known;
    }

    /// <summary>The value of a known field, or null when it is absent or JSON <c>null</c>.</summary>
    public static JsonElement? Find(List<JsonProperty> fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name && field.Value.ValueKind != JsonValueKind.Null)
            {
                return field.Value;
            }
        }

        return null;
    }

    public static string Path(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string? AsString(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add((field, $"'{field}' must be a string."));
        return null;
    }

    public static bool? AsBoolean(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add((field, $"'{field}' must be true or false."));
        return null;
    }

    /// <summary>A number that fits a <see cref="decimal"/>; a larger one (such as 1e400) is a problem like a string is.</summary>
    public static decimal? AsDecimal(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        problems.Add((field, $"'{field}' must be a decimal number, such as 25 or 12.5."));
        return null;
    }

    /// <summary>An array of strings; only the first entry that is not a string is reported.</summary>
    public static IReadOnlyList<string>? AsStrings(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add((field, $"'{field}' must be an array of strings."));
            return null;
        }

        var strings = new List<string>(value.GetArrayLength());
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.String)
            {
                problems.Add(($"{field}[{strings.Count}]", $"'{field}' entries must be strings."));
                return null;
            }

            strings.Add(entry.GetString()!);
        }

        return strings;
    }

    /// <summary>Any JSON value as compact text: written again, so whitespace and escapes do not depend on the sender.</summary>
    public static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
