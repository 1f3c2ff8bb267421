using System.Text.Json;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.Kv.V1;

/// <summary>
/// The KV v1 (passthrough) engine: GET returns the stored object as <c>data</c> with a lease hint
/// (its <c>ttl</c>/<c>lease</c> field, else 768h), POST/PUT stores the whole body (204), DELETE 204,
/// LIST immediate children. No PATCH.
/// </summary>
internal static class Kv1Handler
{
    public static VaultResponse Handle(Kv1Store store, LogicalRequest request, string key) => request.Operation switch
    {
        VaultOperation.Read => Read(store, key),
        VaultOperation.Update => Write(store, request.Fields, key),
        VaultOperation.Delete => Delete(store, key),
        VaultOperation.List => List(store, key),
        _ => VaultErrors.UnsupportedOperation,
    };

    private static VaultResponse Read(Kv1Store store, string key)
    {
        lock (store.Gate)
        {
            if (!store.Entries.TryGetValue(key, out Kv1Entry? entry))
            {
                return VaultErrors.Empty(404);
            }

            var spec = new EnvelopeSpec(EnvelopeSpec.Kv, LeaseDuration: entry.LeaseSeconds);
            return VaultEnvelopeWriter.Write(200, spec, entry.Data, static (writer, data) => writer.WriteRawValue(data, skipInputValidation: true));
        }
    }

    private static VaultResponse Write(Kv1Store store, RequestFields fields, string key)
    {
        if (key.Length == 0)
        {
            return VaultErrors.Of(400, "missing path");
        }

        if (fields.Count == 0 || fields.Body is not { } body)
        {
            return VaultErrors.Of(400, "missing data fields");
        }

        var entry = new Kv1Entry(CanonicalJsonWriter.ToBytes(body, NumberStyle.Literal), LeaseSeconds(fields));
        lock (store.Gate)
        {
            store.Entries[key] = entry;
            store.Journal.EntryWritten(key, entry);
        }

        return VaultResponse.NoContent;
    }

    private static VaultResponse Delete(Kv1Store store, string key)
    {
        lock (store.Gate)
        {
            if (store.Entries.Remove(key))
            {
                store.Journal.EntryRemoved(key);
            }
        }

        return VaultResponse.NoContent;
    }

    private static VaultResponse List(Kv1Store store, string folder)
    {
        List<string> children;
        lock (store.Gate)
        {
            children = Kv.KvChildLister.List(store.Entries.Keys, folder);
        }

        return children.Count == 0
            ? VaultErrors.Empty(404)
            : VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Kv), children, Kv.KvListWriter.WriteKeys);
    }

    // The passthrough backend's TTL hint; 0, unparsable or missing means the default, capped at the max (768h).
    private static long LeaseSeconds(RequestFields fields)
    {
        bool found = fields.TryGet("ttl", out FieldValue ttl) || fields.TryGet("lease", out ttl);
        long seconds = found && ttl.Json.ValueKind != JsonValueKind.Undefined && GoWeakDecode.TryDurationSeconds(ttl, out long parsed, out _)
            ? parsed
            : 0;
        return seconds <= 0 ? VaultIdentity.DefaultLeaseSeconds : Math.Min(seconds, VaultIdentity.DefaultLeaseSeconds);
    }
}
