using System.Text.Json;

namespace ConfigCluster.DevVault.Kv;

/// <summary>The data object of a list response: <c>{"keys":[...]}</c>.</summary>
internal static class KvListWriter
{
    public static void WriteKeys(Utf8JsonWriter writer, List<string> keys)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("keys");
        foreach (string key in keys)
        {
            writer.WriteStringValue(key);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
