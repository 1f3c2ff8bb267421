using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// The KV v2 engine's path table, first match wins: config, data/{key}, metadata/{key?},
/// destroy|delete|undelete/{key}; anything else hits the plugin's pathInvalid handler (404 + warning).
/// Keys never end in '/' except on metadata (lists).
/// </summary>
internal static class Kv2Router
{
    private static readonly string[] RootPaths = ["metadata", "data", "delete", "undelete", "destroy"];
    private static readonly string[] VersionVerbs = ["destroy", "delete", "undelete"];

    public static VaultResponse Route(Kv2Context context, string relative)
    {
        if (relative == "config")
        {
            return Kv2ConfigHandler.Handle(context);
        }

        if (TryKey(relative, "data/", out string key))
        {
            return Kv2DataHandler.Handle(context, key);
        }

        if (relative.StartsWith("metadata/", StringComparison.Ordinal))
        {
            return Kv2MetadataHandler.Handle(context, relative["metadata/".Length..]);
        }

        foreach (string verb in VersionVerbs)
        {
            if (TryKey(relative, verb + "/", out key))
            {
                return Kv2VersionsHandler.Handle(context, verb, key);
            }
        }

        return InvalidPath(context.Operation, relative);
    }

    private static bool TryKey(string relative, string prefix, out string key)
    {
        key = relative.StartsWith(prefix, StringComparison.Ordinal) ? relative[prefix.Length..] : "";
        return key.Length > 0 && !key.EndsWith('/');
    }

    private static VaultResponse InvalidPath(VaultOperation operation, string relative)
    {
        if (Array.IndexOf(RootPaths, relative) >= 0)
        {
            return VaultEnvelopeWriter.Write(404, EnvelopeSpec.KvRaw(["Non-listing operations on the root of a K/V v2 mount are not supported."]));
        }

        string subCommand = operation switch
        {
            VaultOperation.Update => "put",
            VaultOperation.Patch => "patch",
            VaultOperation.Read => "get",
            VaultOperation.List => "list",
            _ => "delete",
        };
        string warning = "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. "
            + $"If using the Vault CLI, use 'vault kv {subCommand}' for this operation.";
        return VaultEnvelopeWriter.Write(404, EnvelopeSpec.KvRaw([warning]));
    }
}
