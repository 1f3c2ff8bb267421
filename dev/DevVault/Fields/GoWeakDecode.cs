using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Fields;

/// <summary>
/// mapstructure.WeakDecode as Vault's framework applies it to request values (JSON numbers arrive
/// as json.Number), with the error texts it produces.
/// </summary>
internal static class GoWeakDecode
{
    public static bool TryInt(FieldValue value, out long result, out string error)
    {
        result = 0;
        error = "";
        if (value.AsString is { } text)
        {
            if (text.Length == 0)
            {
                return true;
            }

            bool ok = GoStrconv.TryParseIntBase0(text, out result, out string parseError);
            error = ok ? "" : "cannot parse '' as int: " + parseError;
            return ok;
        }

        return TryIntFromJson(value, out result, out error);
    }

    public static bool TryBool(FieldValue value, out bool result, out string error)
    {
        error = "";
        result = false;
        if (value.IsText || value.Json.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            string text = value.AsString ?? RawText(value.Json);
            if (text.Length == 0 || GoStrconv.TryParseBool(text, out result, out string parseError))
            {
                return true;
            }

            error = "cannot parse '' as bool: " + parseError;
            return false;
        }

        result = value.Json.ValueKind == JsonValueKind.True;
        return value.Json.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null
            || Unconvertible(value, "bool", out error);
    }

    /// <summary>A map field: the object, null for a JSON null, or an empty object for an empty array.</summary>
    public static bool TryMap(FieldValue value, out JsonElement? result, out string error)
    {
        result = null;
        error = "";
        if (!value.IsText && value.Json.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
        {
            result = value.Json.ValueKind == JsonValueKind.Object ? value.Json : null;
            return true;
        }

        if (!value.IsText && value.Json.ValueKind == JsonValueKind.Array && value.Json.GetArrayLength() == 0)
        {
            result = EmptyObject.RootElement;
            return true;
        }

        string kind = value.IsText ? "string" : value.Json.ValueKind switch
        {
            JsonValueKind.Array => "slice",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "string",
        };
        error = $"'' expected a map, got '{kind}'";
        return false;
    }

    /// <summary>WeakDecode into a Go string (custom_metadata values).</summary>
    public static bool TryString(FieldValue value, out string result, out string error)
    {
        error = "";
        result = value.AsString ?? value.Json.ValueKind switch
        {
            JsonValueKind.Number => RawText(value.Json),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            JsonValueKind.Null => "",
            _ => "",
        };
        return value.IsText || value.Json.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
            || Unconvertible(value, "string", out error);
    }

    public static bool TryDurationSeconds(FieldValue value, out long seconds, out string error)
    {
        seconds = 0;
        error = "";
        if (!value.IsText && value.Json.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        string? text = value.AsString ?? (value.Json.ValueKind == JsonValueKind.Number ? RawText(value.Json) : null);
        if (text is null)
        {
            error = "could not parse duration from input";
            return false;
        }

        return GoDurationParser.TryParseSeconds(text, out seconds, out error);
    }

    private static bool TryIntFromJson(FieldValue value, out long result, out string error)
    {
        result = 0;
        error = "";
        switch (value.Json.ValueKind)
        {
            case JsonValueKind.Number:
                bool ok = GoStrconv.TryParseInt10(RawText(value.Json), out result, out string parseError);
                error = ok ? "" : "error decoding json.Number into : " + parseError;
                return ok;
            case JsonValueKind.True:
                result = 1;
                return true;
            case JsonValueKind.False or JsonValueKind.Null:
                return true;
            default:
                return Unconvertible(value, "int", out error);
        }
    }

    private static bool Unconvertible(FieldValue value, string target, out string error)
    {
        error = $"'' expected type '{target}', got unconvertible type '{value.GoTypeName}'";
        return false;
    }

    private static string RawText(JsonElement element) => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));

    private static readonly JsonDocument EmptyObject = JsonDocument.Parse("{}");
}
