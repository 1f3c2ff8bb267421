using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Kv;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>{mount}/metadata/{key}: read, list (folders), delete everything; writes are in <see cref="Kv2MetadataWriter"/>.</summary>
internal static class Kv2MetadataHandler
{
    private static readonly FieldSchema Schema = new(
        ("path", FieldType.PathCapture),
        ("cas_required", FieldType.Bool),
        ("max_versions", FieldType.Int),
        ("delete_version_after", FieldType.DurationSecond),
        ("custom_metadata", FieldType.Map),
        ("exclude_deleted", FieldType.Bool));

    public static VaultResponse Handle(Kv2Context context, string key)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        return context.Operation switch
        {
            VaultOperation.Read => Read(context, key),
            VaultOperation.List => List(context, key, fields.GetBool("exclude_deleted")),
            VaultOperation.Delete => Delete(context, key),
            VaultOperation.Patch => Kv2MetadataWriter.Patch(context, key, fields),
            _ => Kv2MetadataWriter.Write(context, key, fields),
        };
    }

    private static VaultResponse Read(Kv2Context context, string key)
    {
        lock (context.Store.Gate)
        {
            return context.Store.Keys.TryGetValue(key, out Kv2Key? meta)
                ? VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Kv), meta, Kv2Json.WriteKeyMetadata)
                : Kv2Responses.NotFound;
        }
    }

    // exclude_deleted drops keys whose current version has any deletion_time (even a future one); folders stay.
    private static VaultResponse List(Kv2Context context, string folder, bool excludeDeleted)
    {
        List<string> children;
        lock (context.Store.Gate)
        {
            Dictionary<string, Kv2Key> keys = context.Store.Keys;
            Func<string, bool>? include = excludeDeleted ? name => keys[name].Current?.DeletionTime is null : null;
            children = KvChildLister.List(keys.Keys, folder, include);
        }

        return children.Count == 0
            ? Kv2Responses.NotFound
            : VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Kv), children, KvListWriter.WriteKeys);
    }

    private static VaultResponse Delete(Kv2Context context, string key)
    {
        lock (context.Store.Gate)
        {
            if (context.Store.Keys.Remove(key))
            {
                context.Store.Journal.KeyRemoved(key);
            }
        }

        return VaultResponse.NoContent;
    }
}
