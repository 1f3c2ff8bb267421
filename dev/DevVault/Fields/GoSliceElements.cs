namespace ConfigCluster.DevVault.Fields;

/// <summary>Weakly decodes each element of a slice field, with mapstructure's error naming the failing index.</summary>
internal static class GoSliceElements
{
    public delegate bool Decoder<T>(FieldValue value, out T result, out string error);

    public static bool TryDecode<T>(IEnumerable<FieldValue> items, Decoder<T> decode, List<T> result, out string error)
    {
        error = "";
        int index = 0;
        foreach (FieldValue item in items)
        {
            if (!decode(item, out T decoded, out string itemError))
            {
                error = "1 error(s) decoding:\n\n* " + itemError.Replace("''", $"'[{index}]'", StringComparison.Ordinal);
                return false;
            }

            result.Add(decoded);
            index++;
        }

        return true;
    }
}
