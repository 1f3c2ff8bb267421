using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// POST/PUT {mount}/delete|undelete|destroy/{key} with <c>versions</c>. Unknown keys and versions are
/// skipped silently (204); only an empty <c>versions</c> is an error (note destroy's lower-case text).
/// </summary>
internal static class Kv2VersionsHandler
{
    private static readonly FieldSchema Schema = new(("path", FieldType.PathCapture), ("versions", FieldType.CommaIntSlice));

    public static VaultResponse Handle(Kv2Context context, string verb, string key)
    {
        if (context.Operation != VaultOperation.Update)
        {
            return VaultErrors.UnsupportedOperation;
        }

        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        IReadOnlyList<long> versions = fields.GetInts("versions");
        if (versions.Count == 0)
        {
            return VaultErrors.Of(400, verb == "destroy" ? "no version number provided" : "No version number provided");
        }

        lock (context.Store.Gate)
        {
            if (context.Store.Keys.TryGetValue(key, out Kv2Key? meta))
            {
                Apply(context, verb, meta, versions);
                context.Store.Journal.KeyChanged(key, meta, versions.Select(number => unchecked((ulong)number)));
            }
        }

        return Kv2Responses.NoContentOrWarnings(fields.FrameworkWarnings());
    }

    private static void Apply(Kv2Context context, string verb, Kv2Key meta, IReadOnlyList<long> versions)
    {
        Kv2Attribution by = context.By(verb == "undelete" ? "undelete" : "update");
        foreach (long number in versions)
        {
            if (!meta.Versions.TryGetValue(unchecked((ulong)number), out Kv2Version? version))
            {
                continue;
            }

            switch (verb)
            {
                case "destroy":
                    version.Destroyed = true;
                    version.Data = null;
                    break;
                case "undelete" when !version.Destroyed:
                    version.DeletionTime = Kv2VersionRules.DeletionTimeFrom(context.Now, context.Store.Config, meta);
                    version.DeletedBy = null;
                    break;
                case "delete" when !version.Destroyed && !version.IsDeleted(context.Now):
                    version.DeletionTime = context.Now;
                    version.DeletedBy = by;
                    break;
            }
        }

        meta.LastUpdatedBy = by;
    }
}
