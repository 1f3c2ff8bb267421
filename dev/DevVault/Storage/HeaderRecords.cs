using System.Text.Json;
using ConfigCluster.DevVault.Sys;
using N = ConfigCluster.DevVault.Storage.RecordNames;

namespace ConfigCluster.DevVault.Storage;

/// <summary>
/// The first record of each file, <c>{"op":"snapshot"|"journal","format":1,"generation":G}</c>, and the
/// snapshot's <c>identity</c> record (cluster name and id, the system mount's accessor and uuid).
/// A journal belongs to the snapshot of the same generation.
/// </summary>
internal static class HeaderRecords
{
    public static void WriteHeader(Utf8JsonWriter writer, string op, long generation)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, op);
        writer.WriteNumber(N.FormatVersion, N.Format);
        writer.WriteNumber(N.Generation, generation);
        writer.WriteEndObject();
    }

    /// <summary>The generation of a header record of kind <paramref name="op"/>; <see cref="InvalidDataException"/> for anything else.</summary>
    public static long ReadGeneration(JsonElement record, string op)
    {
        if (record.Get(N.Op).GetString() != op)
        {
            throw new InvalidDataException($"the first record is not a {op} header");
        }

        int format = record.Get(N.FormatVersion).GetInt32();
        return format == N.Format
            ? record.Get(N.Generation).GetInt64()
            : throw new InvalidDataException($"storage format {format} is not known to this dev Vault (it reads format {N.Format})");
    }

    public static void WriteIdentity(Utf8JsonWriter writer, ClusterIdentity identity)
    {
        writer.WriteStartObject();
        N.WriteOp(writer, N.Identity);
        writer.WriteString(N.ClusterName, identity.ClusterName);
        writer.WriteString(N.ClusterId, identity.ClusterId);
        writer.WriteString(N.SystemAccessor, identity.SystemAccessor);
        writer.WriteString(N.SystemUuid, identity.SystemUuid);
        writer.WriteEndObject();
    }

    public static ClusterIdentity ReadIdentity(JsonElement record) => new(
        record.Get(N.ClusterName).GetString()!,
        record.Get(N.ClusterId).GetString()!,
        record.Get(N.SystemAccessor).GetString()!,
        record.Get(N.SystemUuid).GetString()!);
}
