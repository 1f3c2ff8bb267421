using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>
/// role/{name}: POST creates or updates (path_role.go pathRoleCreateUpdate, its checks and texts), GET reads
/// (404 when absent), DELETE removes the role with its SecretIDs (the role table answers it and LIST role/).
/// </summary>
internal static class AppRoleRoleHandler
{
    private static readonly FieldSchema Schema = new(
    [
        ("role_name", FieldType.PathCapture),
        ("bind_secret_id", FieldType.Bool),
        ("secret_id_num_uses", FieldType.Int),
        ("secret_id_ttl", FieldType.DurationSecond),
        ("role_id", FieldType.String),
        ("local_secret_ids", FieldType.Bool),
        .. RoleTokenParams.Fields,
    ]);

    public static VaultResponse Handle(AppRoleBackend backend, AuthContext context, string name) => context.Operation switch
    {
        VaultOperation.Update => Write(backend, context, name),
        VaultOperation.Read => Read(backend, context, name),
        VaultOperation.Delete => backend.Roles.Delete(name),
        _ => VaultErrors.UnsupportedOperation,
    };


    private static VaultResponse Write(AppRoleBackend backend, AuthContext context, string name)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        lock (backend.Roles.Gate)
        {
            backend.Roles.ByName.TryGetValue(name, out AppRoleRole? existing);
            AppRoleRole role = existing?.Clone() ?? new AppRoleRole(name);
            List<string> warnings = [];
            if (Update(role, fields, creating: existing is null, warnings) is { } rejection)
            {
                return rejection;
            }

            if (Store(backend, role) is { } storeError)
            {
                return storeError;
            }

            warnings.AddRange(fields.FrameworkWarnings() ?? []);
            return VaultEnvelopeWriter.NoContentOrWarnings(context.MountType, warnings);
        }
    }

    private static VaultResponse? Update(AppRoleRole role, FieldData fields, bool creating, List<string> warnings)
    {
        string tokenType = fields.GetString("token_type");
        if (tokenType is "default-service" or "default-batch")
        {
            string adjusted = tokenType["default-".Length..];
            warnings.Add($"{tokenType} has no useful meaning; adjusting to {adjusted}");
            fields.Set("token_type", adjusted);
        }

        if (role.Token.Apply(fields) is { } tokenError)
        {
            return VaultErrors.Of(400, tokenError);
        }

        if (fields.Has("local_secret_ids"))
        {
            if (!creating)
            {
                return VaultErrors.Of(400, "local_secret_ids can only be modified during role creation");
            }

            role.LocalSecretIds = fields.GetBool("local_secret_ids");
        }

        role.RoleId = fields.Has("role_id") ? fields.GetString("role_id") : creating ? Guid.NewGuid().ToString() : role.RoleId;
        if (role.RoleId.Length == 0)
        {
            return VaultErrors.Of(400, "invalid role_id supplied, or failed to generate a role_id");
        }

        role.BindSecretId = fields.Has("bind_secret_id") ? fields.GetBool("bind_secret_id") : role.BindSecretId;
        role.SecretIdNumUses = fields.Has("secret_id_num_uses") ? fields.GetInt("secret_id_num_uses") : role.SecretIdNumUses;
        if (role.SecretIdNumUses < 0)
        {
            return VaultErrors.Of(400, "secret_id_num_uses cannot be negative");
        }

        role.SecretIdTtl = fields.Has("secret_id_ttl") ? fields.GetSeconds("secret_id_ttl") : role.SecretIdTtl;
        if (role.Token.TokenMaxTtl > VaultIdentity.DefaultLeaseSeconds)
        {
            warnings.Add("token_max_ttl is greater than the backend mount's maximum TTL value; issued tokens' max TTL value will be truncated");
        }

        return null;
    }

    // setRoleEntry: a constraint is required and a role_id belongs to one role; both fail as plain errors (500).
    private static VaultResponse? Store(AppRoleBackend backend, AppRoleRole role)
    {
        if (!role.BindSecretId)
        {
            return VaultErrors.Of(500, "at least one constraint should be enabled on the role");
        }

        if (backend.RoleWithId(role.RoleId) is { } owner && owner.Name != role.Name)
        {
            return VaultErrors.Of(500, "role_id already in use");
        }

        backend.Roles.ByName[role.Name] = role;
        return null;
    }

    private static VaultResponse Read(AppRoleBackend backend, AuthContext context, string name)
    {
        lock (backend.Roles.Gate)
        {
            if (!backend.Roles.ByName.TryGetValue(name, out AppRoleRole? role))
            {
                return VaultErrors.Empty(404);
            }

            var data = new GoMap()
                .Add("bind_secret_id", role.BindSecretId)
                .Add("local_secret_ids", role.LocalSecretIds)
                .Add("secret_id_bound_cidrs", (IReadOnlyList<string>?)null)
                .Add("secret_id_num_uses", role.SecretIdNumUses)
                .Add("secret_id_ttl", role.SecretIdTtl);
            role.Token.AddTo(data);
            return data.Respond(context.MountType);
        }
    }
}
