using System.Text.Json;

namespace ConfigCluster.DevVault.Fields;

/// <summary>
/// framework.TypeCommaStringSlice (parseutil.ParseCommaStringSlice): a JSON array, a comma-separated
/// string or a single scalar, each element weakly decoded to a string and trimmed of white space.
/// </summary>
internal static class GoStringSliceDecode
{
    public static bool TryDecode(FieldValue value, out List<string> result, out string error)
    {
        result = [];
        error = "";
        if (value.AsString is { } text)
        {
            return text.Length == 0 || Trimmed(text.Split(','), result);
        }

        switch (value.Json.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Object:
                error = "'' source data must be an array or slice, got map";
                return false;
            case JsonValueKind.Number:
                return Trimmed(value.Json.GetRawText().Split(','), result);
            case JsonValueKind.Array:
                return GoSliceElements.TryDecode(value.Json.EnumerateArray().Select(FieldValue.FromJson), TryTrimmedString, result, out error);
            default:
                GoWeakDecode.TryString(value, out string single, out error);
                result.Add(single.Trim());
                return true;
        }
    }

    private static bool TryTrimmedString(FieldValue value, out string result, out string error)
    {
        bool ok = GoWeakDecode.TryString(value, out result, out error);
        result = result.Trim();
        return ok;
    }

    private static bool Trimmed(string[] items, List<string> result)
    {
        result.AddRange(items.Select(item => item.Trim()));
        return true;
    }
}
