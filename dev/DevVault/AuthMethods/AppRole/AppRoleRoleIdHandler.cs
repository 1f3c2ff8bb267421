using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>role/{name}/role-id: GET answers <c>data.role_id</c> (404 without the role); POST sets a custom one (204).</summary>
internal static class AppRoleRoleIdHandler
{
    private static readonly FieldSchema Schema = new(("role_name", FieldType.PathCapture), ("role_id", FieldType.String));

    public static VaultResponse Handle(AppRoleBackend backend, AuthContext context, string name) => context.Operation switch
    {
        VaultOperation.Read => Read(backend, context, name),
        VaultOperation.Update => Update(backend, context, name),
        _ => VaultErrors.UnsupportedOperation,
    };

    private static VaultResponse Read(AppRoleBackend backend, AuthContext context, string name)
    {
        lock (backend.Roles.Gate)
        {
            return backend.Roles.ByName.TryGetValue(name, out AppRoleRole? role)
                ? new GoMap().Add("role_id", role.RoleId).Respond(context.MountType)
                : VaultErrors.Empty(404);
        }
    }

    private static VaultResponse Update(AppRoleBackend backend, AuthContext context, string name)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        lock (backend.Roles.Gate)
        {
            if (!backend.Roles.ByName.TryGetValue(name, out AppRoleRole? role))
            {
                return VaultErrors.UnsupportedPath;
            }

            string roleId = fields.GetString("role_id");
            if (roleId.Length == 0)
            {
                return VaultErrors.Of(400, "missing role_id");
            }

            if (backend.RoleWithId(roleId) is { } owner && owner != role)
            {
                return VaultErrors.Of(500, "role_id already in use");
            }

            role.RoleId = roleId;
        }

        return VaultEnvelopeWriter.NoContentOrWarnings(context.MountType, fields.FrameworkWarnings());
    }
}
