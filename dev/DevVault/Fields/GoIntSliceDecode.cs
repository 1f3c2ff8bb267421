using System.Text.Json;

namespace ConfigCluster.DevVault.Fields;

/// <summary>
/// framework.TypeCommaIntSlice: a JSON array, a comma-separated string, or a single number, each
/// element weakly decoded to an int.
/// </summary>
internal static class GoIntSliceDecode
{
    public static bool TryDecode(FieldValue value, out List<long> result, out string error)
    {
        result = [];
        error = "";
        if (value.AsString is { } text)
        {
            return text.Length == 0 || TryAll(text.Split(',').Select(FieldValue.FromText), result, out error);
        }

        return value.Json.ValueKind switch
        {
            JsonValueKind.Array => TryAll(value.Json.EnumerateArray().Select(FieldValue.FromJson), result, out error),
            JsonValueKind.Null => true,
            JsonValueKind.Object => Fail(out error),
            _ => TryAll([value], result, out error),
        };
    }

    private static bool TryAll(IEnumerable<FieldValue> items, List<long> result, out string error) =>
        GoSliceElements.TryDecode<long>(items, GoWeakDecode.TryInt, result, out error);

    private static bool Fail(out string error)
    {
        error = "'' source data must be an array or slice, got map";
        return false;
    }
}
