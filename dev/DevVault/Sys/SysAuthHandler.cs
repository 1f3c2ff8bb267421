using ConfigCluster.DevVault.AuthMethods;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault.Sys;

/// <summary>
/// sys/auth (GET: the auth table, also copied to the top level) and sys/auth/{path} (GET: one entry, POST
/// <c>{"type","description"}</c>: enable, DELETE: disable, which revokes the tokens the method issued).
/// Only <c>type</c> and <c>description</c> are taken; other mount options are warned about as unrecognised.
/// </summary>
internal static class SysAuthHandler
{
    private const string Prefix = "sys/auth/";
    private static readonly FieldSchema EnableSchema = new(("path", FieldType.PathCapture), ("type", FieldType.String), ("description", FieldType.String));

    public static VaultResponse Handle(DevVaultState state, LogicalRequest request)
    {
        if (request.Path == "sys/auth")
        {
            return request.Operation == VaultOperation.Read ? ReadAll(state) : VaultErrors.UnsupportedOperation;
        }

        string path = Sanitize(request.Path[Prefix.Length..]);
        return request.Operation switch
        {
            VaultOperation.Read => ReadOne(state, path),
            VaultOperation.Update => Enable(state, request, path),
            VaultOperation.Delete => Disable(state, path),
            _ => VaultErrors.UnsupportedOperation,
        };
    }

    public static bool Serves(string path) => path == "sys/auth" || (path.StartsWith(Prefix, StringComparison.Ordinal) && path.Length > Prefix.Length);

    private static VaultResponse ReadAll(DevVaultState state) =>
        MountListing.Respond([.. state.AuthMounts.All.Select(mount => new MountListingEntry(mount.Path, writer => MountInfoWriter.WriteAuth(writer, mount)))]);

    private static VaultResponse ReadOne(DevVaultState state, string path) =>
        state.AuthMounts.Find(path) is { } mount
            ? VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.System), mount, MountInfoWriter.WriteAuth)
            : VaultErrors.Of(400, $"No auth engine at {path}");

    private static VaultResponse Enable(DevVaultState state, LogicalRequest request, string path)
    {
        if (!EnableSchema.TryConvert(request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string type = fields.GetString("type");
        if (type.Length == 0)
        {
            return VaultErrors.Of(400, "backend type must be specified as a string");
        }

        return state.AuthMounts.Enable(path, type, fields.GetString("description"))
            ?? VaultEnvelopeWriter.NoContentOrWarnings(EnvelopeSpec.System, fields.FrameworkWarnings());
    }

    // 204 also when nothing is mounted there, so that the answer does not tell whether a mount existed.
    private static VaultResponse Disable(DevVaultState state, string path)
    {
        if (path == "token/")
        {
            return VaultErrors.Of(400, "token credential backend cannot be disabled");
        }

        if (state.AuthMounts.Disable(path))
        {
            state.Tokens.RevokeCreatedBelow(AuthMountTable.RoutePrefix + path);
        }

        return VaultResponse.NoContent;
    }

    // sanitizePath: one trailing slash, no leading ones.
    private static string Sanitize(string path) => (path.EndsWith('/') ? path : path + "/").TrimStart('/');
}
