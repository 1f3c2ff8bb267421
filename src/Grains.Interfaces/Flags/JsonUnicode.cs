using System.Text.Json;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Whether every string and field name in a JSON value can be read as text. JSON may escape half of a surrogate
/// pair (<c>"\uD800"</c>), which parses, but which System.Text.Json refuses to turn into a string.
/// </summary>
internal static class JsonUnicode
{
    public static bool IsReadable(JsonElement value)
    {
        try
        {
            Visit(value);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Visit(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                _ = value.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var entry in value.EnumerateArray())
                {
                    Visit(entry);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    _ = property.Name;
                    Visit(property.Value);
                }

                break;
        }
    }
}
