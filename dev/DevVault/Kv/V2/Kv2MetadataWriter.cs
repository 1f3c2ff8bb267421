using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// POST/PUT and PATCH {mount}/metadata/{key}. Writing creates the key when missing (no version) unless
/// no metadata field is sent (fast path: nothing created); custom_metadata replaces the whole map.
/// PATCH needs an existing key (empty 404 otherwise) and removes custom keys patched to null.
/// </summary>
internal static class Kv2MetadataWriter
{
    private static readonly string[] MetadataFields = ["max_versions", "cas_required", "delete_version_after", "custom_metadata"];
    private const string CasMandatedWarning = "\"cas_required\" set to false, but is mandated by backend config. This value will be ignored.";

    public static VaultResponse Write(Kv2Context context, string key, FieldData fields)
    {
        if (!Array.Exists(MetadataFields, fields.Has))
        {
            return Kv2Responses.NoContentOrWarnings(fields.FrameworkWarnings());
        }

        if (!Kv2CustomMetadata.TryParse(fields.GetMap("custom_metadata"), keepNulls: false, out var custom, out VaultResponse? error))
        {
            return error!;
        }

        List<string> warnings = Warnings(context, fields);
        lock (context.Store.Gate)
        {
            if (!context.Store.Keys.TryGetValue(key, out Kv2Key? meta))
            {
                meta = new Kv2Key(context.Now);
                context.Store.Keys[key] = meta;
            }

            ApplySettings(meta, fields);
            if (fields.Has("custom_metadata"))
            {
                meta.CustomMetadata = ToMap(custom);
            }

            context.Store.Journal.KeyChanged(key, meta);
        }

        return Kv2Responses.NoContentOrWarnings(warnings);
    }

    public static VaultResponse Patch(Kv2Context context, string key, FieldData fields)
    {
        if (!Kv2CustomMetadata.TryParse(fields.GetMap("custom_metadata"), keepNulls: true, out var custom, out VaultResponse? error))
        {
            return error!;
        }

        lock (context.Store.Gate)
        {
            if (!context.Store.Keys.TryGetValue(key, out Kv2Key? meta))
            {
                return VaultResponse.EmptyNotFound;
            }

            ApplySettings(meta, fields);
            if (fields.Has("custom_metadata"))
            {
                meta.CustomMetadata = fields.GetMap("custom_metadata") is null ? null : MergeCustom(meta.CustomMetadata, custom);
            }

            context.Store.Journal.KeyChanged(key, meta);
        }

        return Kv2Responses.NoContentOrWarnings(Warnings(context, fields));
    }

    private static List<string> Warnings(Kv2Context context, FieldData fields)
    {
        var warnings = new List<string>();
        if (fields.Has("cas_required") && context.Store.Config.CasRequired && !fields.GetBool("cas_required"))
        {
            warnings.Add(CasMandatedWarning);
        }

        warnings.AddRange(fields.FrameworkWarnings() ?? []);
        return warnings;
    }

    private static void ApplySettings(Kv2Key meta, FieldData fields)
    {
        if (fields.Has("max_versions"))
        {
            meta.MaxVersions = unchecked((uint)fields.GetInt("max_versions"));
        }

        if (fields.Has("cas_required"))
        {
            meta.CasRequired = fields.GetBool("cas_required");
        }

        if (fields.Has("delete_version_after"))
        {
            meta.DeleteVersionAfterSeconds = fields.GetSeconds("delete_version_after");
        }
    }

    private static SortedDictionary<string, string>? MergeCustom(SortedDictionary<string, string>? existing, List<KeyValuePair<string, string?>> patch)
    {
        var merged = new SortedDictionary<string, string>(existing ?? new SortedDictionary<string, string>(), Utf8KeyOrder.Instance);
        foreach ((string name, string? value) in patch)
        {
            if (value is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value;
            }
        }

        return merged.Count == 0 ? null : merged;
    }

    private static SortedDictionary<string, string>? ToMap(List<KeyValuePair<string, string?>> entries) =>
        entries.Count == 0 ? null : MergeCustom(null, entries);
}
