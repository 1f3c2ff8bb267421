using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>
/// login (path_login.go pathLoginUpdate): role_id names the role; with bind_secret_id the secret_id must be one
/// of its SecretIDs, not expired (checked here at login, where Vault's periodic tidy removes expired ones) and
/// with uses left (the last use deletes it). Metadata: the SecretID's plus <c>role_name</c>.
/// </summary>
internal static class AppRoleLoginHandler
{
    private const string InvalidCredentials = "invalid role or secret ID";
    private static readonly FieldSchema Schema = new(("role_id", FieldType.String), ("secret_id", FieldType.String));

    public static VaultResponse Login(AppRoleBackend backend, AuthContext context)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string roleId = fields.GetString("role_id").Trim();
        if (roleId.Length == 0)
        {
            return VaultErrors.Of(400, "missing role_id");
        }

        LoginAuth? login;
        lock (backend.Roles.Gate)
        {
            if (backend.RoleWithId(roleId) is not { } role)
            {
                return VaultErrors.Of(400, InvalidCredentials);
            }

            if (Authorize(role, fields.GetString("secret_id").Trim(), context.Now, out Dictionary<string, string> metadata) is { } refusal)
            {
                return refusal;
            }

            metadata["role_name"] = role.Name;
            login = new LoginAuth(role.Name, role.Token.TokenPolicies, role.Token.TokenNoDefaultPolicy, role.Token.Terms, metadata, DisplayName: "", AliasName: role.RoleId);
        }

        return LoginIssuer.Issue(context, login, fields.FrameworkWarnings());
    }

    private static VaultResponse? Authorize(AppRoleRole role, string secretId, DateTimeOffset now, out Dictionary<string, string> metadata)
    {
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!role.BindSecretId)
        {
            return null;
        }

        if (secretId.Length == 0)
        {
            return VaultErrors.Of(400, "missing secret_id");
        }

        if (!role.SecretIds.TryGetValue(secretId, out AppRoleSecretId? entry) || entry.IsExpired(now))
        {
            role.SecretIds.Remove(secretId);
            return VaultErrors.Of(400, InvalidCredentials);
        }

        if (entry.UsesLeft == 1)
        {
            role.SecretIds.Remove(secretId);
        }
        else if (entry.UsesLeft > 1)
        {
            entry.UsesLeft--;
        }

        metadata = new Dictionary<string, string>(entry.Metadata, StringComparer.Ordinal);
        return null;
    }
}
