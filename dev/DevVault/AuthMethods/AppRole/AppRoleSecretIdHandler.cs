using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;
using ConfigCluster.DevVault.Kv;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>
/// role/{name}/secret-id: POST issues a SecretID (handleRoleSecretIDCommon: <c>num_uses</c> and <c>ttl</c> may only
/// narrow the role's, the TTL is capped at the mount's max, <c>metadata</c> joins the login's); LIST names the accessors.
/// </summary>
internal static class AppRoleSecretIdHandler
{
    private static readonly FieldSchema Schema = new(
        ("role_name", FieldType.PathCapture),
        ("metadata", FieldType.String),
        ("num_uses", FieldType.Int),
        ("ttl", FieldType.DurationSecond));

    public static VaultResponse Handle(AppRoleBackend backend, AuthContext context, string name) => context.Operation switch
    {
        VaultOperation.Update => Generate(backend, context, name),
        VaultOperation.List => ListAccessors(backend, context, name),
        _ => VaultErrors.UnsupportedOperation,
    };

    private static VaultResponse Generate(AppRoleBackend backend, AuthContext context, string name)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        lock (backend.Roles.Gate)
        {
            if (!backend.Roles.ByName.TryGetValue(name, out AppRoleRole? role))
            {
                return VaultErrors.Of(400, $"role \"{name}\" does not exist");
            }

            if (!role.BindSecretId)
            {
                return VaultErrors.Of(400, "bind_secret_id is not set on the role");
            }

            if (Limits(role, fields, out long numUses, out long ttl) is { } limitError)
            {
                return VaultErrors.Of(400, limitError);
            }

            if (!SecretIdMetadata.TryParse(fields.GetString("metadata"), out Dictionary<string, string> metadata, out string metadataError))
            {
                return VaultErrors.Of(400, metadataError);
            }

            ttl = ttl < 0 || ttl > VaultIdentity.DefaultLeaseSeconds ? VaultIdentity.DefaultLeaseSeconds : ttl;
            DateTimeOffset? expiry = ttl == 0 ? null : context.Now.AddSeconds(ttl);
            string secretId = Guid.NewGuid().ToString();
            var issued = new AppRoleSecretId(Guid.NewGuid().ToString(), numUses, expiry, metadata);
            role.SecretIds[secretId] = issued;
            return new GoMap()
                .Add("secret_id", secretId)
                .Add("secret_id_accessor", issued.Accessor)
                .Add("secret_id_num_uses", numUses)
                .Add("secret_id_ttl", ttl)
                .Respond(context.MountType, fields.FrameworkWarnings());
        }
    }

    private static string? Limits(AppRoleRole role, FieldData fields, out long numUses, out long ttl)
    {
        numUses = fields.Has("num_uses") ? fields.GetInt("num_uses") : role.SecretIdNumUses;
        ttl = fields.Has("ttl") ? fields.GetSeconds("ttl") : role.SecretIdTtl;
        if (fields.Has("num_uses") && numUses < 0)
        {
            return "num_uses cannot be negative";
        }

        if (fields.Has("num_uses") && role.SecretIdNumUses > 0 && (numUses == 0 || numUses > role.SecretIdNumUses))
        {
            return "num_uses cannot be higher than the role's secret_id_num_uses";
        }

        return fields.Has("ttl") && role.SecretIdTtl > 0 && (ttl == 0 || ttl > role.SecretIdTtl)
            ? "ttl cannot be longer than the role's secret_id_ttl"
            : null;
    }

    private static VaultResponse ListAccessors(AppRoleBackend backend, AuthContext context, string name)
    {
        lock (backend.Roles.Gate)
        {
            List<string> accessors = backend.Roles.ByName.TryGetValue(name, out AppRoleRole? role)
                ? [.. role.SecretIds.Values.Select(secret => secret.Accessor).Order(StringComparer.Ordinal)]
                : [];
            return accessors.Count == 0
                ? VaultErrors.Empty(404)
                : VaultEnvelopeWriter.Write(200, new EnvelopeSpec(context.MountType), accessors, KvListWriter.WriteKeys);
        }
    }
}
