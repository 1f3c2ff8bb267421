using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>{mount}/data/{key}: read (optionally ?version=N) and soft delete of the latest version.</summary>
internal static class Kv2DataHandler
{
    private static readonly FieldSchema Schema = new(
        ("path", FieldType.PathCapture),
        ("version", FieldType.Int),
        ("options", FieldType.Map),
        ("data", FieldType.Map));

    public static VaultResponse Handle(Kv2Context context, string key)
    {
        if (context.Operation == VaultOperation.List)
        {
            return VaultErrors.UnsupportedOperation;
        }

        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        return context.Operation switch
        {
            VaultOperation.Read => Read(context, key, fields.GetInt("version")),
            VaultOperation.Delete => DeleteLatest(context, key),
            VaultOperation.Patch => Kv2WriteHandler.Patch(context, key, fields),
            _ => Kv2WriteHandler.Write(context, key, fields),
        };
    }

    private static VaultResponse Read(Kv2Context context, string key, long requestedVersion)
    {
        lock (context.Store.Gate)
        {
            if (!context.Store.Keys.TryGetValue(key, out Kv2Key? meta))
            {
                return Kv2Responses.NotFound;
            }

            ulong number = requestedVersion > 0 ? (ulong)requestedVersion : meta.CurrentVersion;
            return meta.Versions.TryGetValue(number, out Kv2Version? version)
                ? Kv2Responses.Read(new Kv2VersionView(meta, number, version), context.Now)
                : Kv2Responses.NotFound;
        }
    }

    // Always 204: also for unknown keys and for a latest version already deleted or destroyed.
    private static VaultResponse DeleteLatest(Kv2Context context, string key)
    {
        lock (context.Store.Gate)
        {
            if (context.Store.Keys.TryGetValue(key, out Kv2Key? meta)
                && meta.Current is { Destroyed: false } latest
                && !latest.IsDeleted(context.Now))
            {
                latest.DeletionTime = context.Now;
                latest.DeletedBy = context.By("delete");
                meta.LastUpdatedBy = latest.DeletedBy;
                context.Store.Journal.KeyChanged(key, meta, meta.CurrentVersion);
            }
        }

        return VaultResponse.NoContent;
    }
}
