using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>
/// The AppRole auth method: role/ (LIST), role/{name} (POST, GET, DELETE), role/{name}/role-id (GET, POST),
/// role/{name}/secret-id (POST, LIST) and the unauthenticated login. Roles live in memory, guarded by one lock.
/// </summary>
internal sealed class AppRoleBackend : IAuthBackend
{
    private const string RolePrefix = "role/";

    public RoleTable<AppRoleRole> Roles { get; } = new();

    public bool IsLoginPath(string path) => path == "login";

    public VaultResponse Handle(AuthContext context)
    {
        if (context.Path == "login")
        {
            return context.Operation == VaultOperation.Update ? AppRoleLoginHandler.Login(this, context) : VaultErrors.UnsupportedOperation;
        }

        if (context.Path is "role" or "role/")
        {
            return context.Operation == VaultOperation.List ? Roles.List(context) : VaultErrors.UnsupportedOperation;
        }

        if (!context.Path.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            return VaultErrors.UnsupportedPath;
        }

        string[] parts = context.Path[RolePrefix.Length..].TrimEnd('/').Split('/');
        if (!NameRules.IsGenericName(parts[0]))
        {
            return VaultErrors.UnsupportedPath;
        }

        string name = parts[0].ToLowerInvariant();
        return parts.Length switch
        {
            1 => AppRoleRoleHandler.Handle(this, context, name),
            2 when parts[1] == "role-id" => AppRoleRoleIdHandler.Handle(this, context, name),
            2 when parts[1] == "secret-id" => AppRoleSecretIdHandler.Handle(this, context, name),
            _ => VaultErrors.UnsupportedPath,
        };
    }

    public TokenTerms? TermsOf(string roleName) => Roles.TermsOf(roleName);

    /// <summary>The role a role_id belongs to; call with the roles' gate held.</summary>
    public AppRoleRole? RoleWithId(string roleId) => Roles.ByName.Values.FirstOrDefault(role => role.RoleId == roleId);
}
