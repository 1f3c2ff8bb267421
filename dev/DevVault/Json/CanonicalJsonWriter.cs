using System.Runtime.InteropServices;
using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Json;

/// <summary>
/// Writes a JSON value the way Go re-marshals a decoded map[string]interface{}: object keys sorted
/// by UTF-8 bytes at every level, arrays in order, strings with Go escaping, numbers per <see cref="NumberStyle"/>.
/// </summary>
internal static class CanonicalJsonWriter
{
    public static byte[] ToBytes(JsonElement element, NumberStyle numbers) =>
        VaultJson.Serialize((element, numbers), static (writer, state) => Write(writer, state.element, state.numbers));

    public static void Write(Utf8JsonWriter writer, JsonElement element, NumberStyle numbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element, numbers);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Write(writer, item, numbers);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                WriteNumber(writer, element, numbers);
                break;
            default:
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
                break;
        }
    }

    public static JsonProperty[] SortedProperties(JsonElement element)
    {
        JsonProperty[] properties = [.. element.EnumerateObject()];
        Array.Sort(properties, static (a, b) => Utf8KeyOrder.Instance.Compare(a.Name, b.Name));
        return properties;
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement element, NumberStyle numbers)
    {
        writer.WriteStartObject();
        foreach (JsonProperty property in SortedProperties(element))
        {
            writer.WritePropertyName(property.Name);
            Write(writer, property.Value, numbers);
        }

        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonElement element, NumberStyle numbers)
    {
        if (numbers == NumberStyle.GoFloat64 && element.TryGetDouble(out double value) && double.IsFinite(value))
        {
            writer.WriteRawValue(GoFloatFormatter.Format(value), skipInputValidation: true);
            return;
        }

        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(element), skipInputValidation: true);
    }
}
