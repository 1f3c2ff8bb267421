using System.Text.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// An environment file in JSON: <c>{"service_name": {"key": {"value": "...", "is_encrypted": false}}}</c>, with
/// <c>"value": null</c> for an encrypted config exported without its value. Read strictly: anything else (another
/// field, a wrong type, a duplicate name) is malformed.
/// </summary>
internal static class EnvironmentJsonFile
{
    public static byte[] Write(IReadOnlyList<EnvironmentEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var service in entries.GroupBy(e => e.ServiceName, StringComparer.Ordinal))
            {
                json.WriteStartObject(service.Key);
                foreach (var entry in service)
                {
                    json.WriteStartObject(entry.Key);
                    json.WriteString("value", entry.Value);
                    json.WriteBoolean("is_encrypted", entry.IsEncrypted);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The entries of <paramref name="text"/>, or null and why it is malformed.</summary>
    public static IReadOnlyList<EnvironmentEntry>? Read(string text, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (!BodyEncoding.IsWellFormedText(document.RootElement))
            {
                error = BodyEncoding.NotText;
                return null;
            }

            return Entries(document.RootElement, out error);
        }
        catch (JsonException e)
        {
            error = $"The JSON is malformed at line {e.LineNumber + 1}.";
            return null;
        }
    }

    private static List<EnvironmentEntry>? Entries(JsonElement root, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The JSON must be an object of services.";
            return null;
        }

        var entries = new List<EnvironmentEntry>();
        foreach (var service in Unique(root, "the top level", ref error))
        {
            if (service.Value.ValueKind != JsonValueKind.Object)
            {
                error ??= $"Service '{service.Name}' must be an object of keys.";
                continue;
            }

            foreach (var key in Unique(service.Value, $"service '{service.Name}'", ref error))
            {
                if (Entry(service.Name, key, ref error) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return error is null ? entries : null;
    }

    private static EnvironmentEntry? Entry(string serviceName, JsonProperty key, ref string? error)
    {
        var fields = new EnvironmentEntryFields(serviceName, key.Name);
        if (key.Value.ValueKind != JsonValueKind.Object)
        {
            error ??= $"{fields.Where} must be an object with 'value' and 'is_encrypted'.";
            return null;
        }

        foreach (var field in Unique(key.Value, fields.Where, ref error))
        {
            switch (field.Name, field.Value.ValueKind)
            {
                case ("value", JsonValueKind.String or JsonValueKind.Null):
                    fields.Value(field.Value.GetString());
                    break;
                case ("is_encrypted", JsonValueKind.True or JsonValueKind.False):
                    fields.IsEncrypted(field.Value.GetBoolean());
                    break;
                default:
                    error ??= fields.Refusal(field.Name);
                    break;
            }
        }

        return fields.Entry(ref error);
    }

    /// <summary>The properties of an object; a name given twice is an error (a second value must never win silently).</summary>
    private static List<JsonProperty> Unique(JsonElement element, string where, ref string? error)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<JsonProperty>();
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                error ??= $"'{property.Name}' is given twice in {where}.";
            }

            properties.Add(property);
        }

        return properties;
    }
}
