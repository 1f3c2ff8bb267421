using System.Text.Json;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// POST/PUT {mount}/data/{key} (new version, CAS checked after the key lookup) and PATCH (JSON merge
/// patch of the current version; existence is checked before CAS).
/// </summary>
internal static class Kv2WriteHandler
{
    private static readonly JsonDocumentOptions StoredDataOptions = new() { MaxDepth = 1000 };

    public static VaultResponse Write(Kv2Context context, string key, FieldData fields)
    {
        if (!fields.Has("data"))
        {
            return Kv2Responses.NoData;
        }

        byte[] data = fields.GetMap("data") is { } map ? CanonicalJsonWriter.ToBytes(map, NumberStyle.GoFloat64) : "null"u8.ToArray();
        Kv2Store store = context.Store;
        lock (store.Gate)
        {
            bool exists = store.Keys.TryGetValue(key, out Kv2Key? meta);
            meta ??= new Kv2Key(context.Now);
            if (Kv2Cas.Check(fields, store.Config, meta) is { } casError)
            {
                return VaultErrors.Of(400, casError);
            }

            store.Keys[key] = meta;
            Kv2Version version = Kv2VersionRules.AddVersion(meta, store.Config, data, context.Now, context.By(exists ? "update" : "create"));
            store.Journal.KeyChanged(key, meta, meta.CurrentVersion);
            return Kv2Responses.Written(new Kv2VersionView(meta, meta.CurrentVersion, version), fields.FrameworkWarnings());
        }
    }

    public static VaultResponse Patch(Kv2Context context, string key, FieldData fields)
    {
        if (!fields.Has("data"))
        {
            return Kv2Responses.NoData;
        }

        Kv2Store store = context.Store;
        lock (store.Gate)
        {
            if (!store.Keys.TryGetValue(key, out Kv2Key? meta))
            {
                return VaultResponse.EmptyNotFound;
            }

            if (Kv2Cas.Check(fields, store.Config, meta) is { } casError)
            {
                return VaultErrors.Of(400, casError);
            }

            return PatchCurrent(context, key, meta, fields);
        }
    }

    private static VaultResponse PatchCurrent(Kv2Context context, string key, Kv2Key meta, FieldData fields)
    {
        if (meta.Current is not { } current)
        {
            return VaultResponse.EmptyNotFound;
        }

        if (current.IsDeleted(context.Now) || current.Destroyed || current.Data is null)
        {
            return Kv2Responses.PatchGone(new Kv2VersionView(meta, meta.CurrentVersion, current));
        }

        byte[] merged = Merge(current.Data, fields.GetMap("data"));
        Kv2Version version = Kv2VersionRules.AddVersion(meta, context.Store.Config, merged, context.Now, context.By("patch"));
        context.Store.Journal.KeyChanged(key, meta, meta.CurrentVersion);
        return Kv2Responses.Written(new Kv2VersionView(meta, meta.CurrentVersion, version), fields.FrameworkWarnings());
    }

    private static byte[] Merge(byte[] stored, JsonElement? patch)
    {
        if (patch is null)
        {
            return stored;
        }

        using JsonDocument original = JsonDocument.Parse(stored, StoredDataOptions);
        return JsonMergePatchWriter.Merge(original.RootElement, patch.Value);
    }
}
