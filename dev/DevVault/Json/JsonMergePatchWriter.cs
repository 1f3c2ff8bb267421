using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Json;

/// <summary>
/// Applies an RFC 7386 JSON merge patch while writing the result canonically: <c>null</c> removes a
/// key, objects merge recursively, everything else replaces.
/// </summary>
internal static class JsonMergePatchWriter
{
    public static byte[] Merge(JsonElement target, JsonElement patch) =>
        VaultJson.Serialize((target, patch), static (writer, state) => Write(writer, state.target, state.patch));

    private static void Write(Utf8JsonWriter writer, JsonElement? target, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            CanonicalJsonWriter.Write(writer, patch, NumberStyle.GoFloat64);
            return;
        }

        var merged = new SortedDictionary<string, (JsonElement? Target, JsonElement? Patch)>(Utf8KeyOrder.Instance);
        if (target is { ValueKind: JsonValueKind.Object } original)
        {
            foreach (JsonProperty property in original.EnumerateObject())
            {
                merged[property.Name] = (property.Value, null);
            }
        }

        foreach (JsonProperty property in patch.EnumerateObject())
        {
            ApplyPatchEntry(merged, property);
        }

        writer.WriteStartObject();
        foreach ((string name, (JsonElement? oldValue, JsonElement? newValue)) in merged)
        {
            writer.WritePropertyName(name);
            WriteEntry(writer, oldValue, newValue);
        }

        writer.WriteEndObject();
    }

    private static void ApplyPatchEntry(SortedDictionary<string, (JsonElement? Target, JsonElement? Patch)> merged, JsonProperty property)
    {
        if (property.Value.ValueKind == JsonValueKind.Null)
        {
            merged.Remove(property.Name);
            return;
        }

        JsonElement? existing = merged.TryGetValue(property.Name, out var entry) ? entry.Target : null;
        merged[property.Name] = (existing, property.Value);
    }

    private static void WriteEntry(Utf8JsonWriter writer, JsonElement? oldValue, JsonElement? newValue)
    {
        if (newValue is { } patchValue)
        {
            Write(writer, oldValue, patchValue);
        }
        else
        {
            CanonicalJsonWriter.Write(writer, oldValue!.Value, NumberStyle.GoFloat64);
        }
    }
}
