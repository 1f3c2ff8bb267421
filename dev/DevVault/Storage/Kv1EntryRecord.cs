using System.Runtime.InteropServices;
using System.Text.Json;
using ConfigCluster.DevVault.Kv.V1;
using N = ConfigCluster.DevVault.Storage.RecordNames;

namespace ConfigCluster.DevVault.Storage;

/// <summary><c>kv1.put</c>: a KV v1 secret as stored (its JSON object as is, and its lease hint); <c>kv1.remove</c>: it is gone.</summary>
internal static class Kv1EntryRecord
{
    public static void Write(Utf8JsonWriter writer, string mount, string name, Kv1Entry entry)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.Kv1Put, mount);
        writer.WriteString(N.Key, name);
        writer.WriteNumber(N.LeaseSeconds, entry.LeaseSeconds);
        writer.WritePropertyName(N.Data);
        writer.WriteRawValue(entry.Data, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static void WriteRemoval(Utf8JsonWriter writer, string mount, string name)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.Kv1Remove, mount);
        writer.WriteString(N.Key, name);
        writer.WriteEndObject();
    }

    public static void Apply(Kv1Store store, JsonElement record) =>
        store.Entries[record.Get(N.Key).GetString()!] = new Kv1Entry(
            JsonMarshal.GetRawUtf8Value(record.Get(N.Data)).ToArray(),
            record.Get(N.LeaseSeconds).GetInt64());

    public static void ApplyRemoval(Kv1Store store, JsonElement record) => store.Entries.Remove(record.Get(N.Key).GetString()!);
}
