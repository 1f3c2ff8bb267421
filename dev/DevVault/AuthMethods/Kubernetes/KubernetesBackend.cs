using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// The Kubernetes auth method: config (POST, GET), role/ (LIST), role/{name} (POST, GET, DELETE) and the
/// unauthenticated login. State lives in memory, guarded by one lock.
/// </summary>
internal sealed class KubernetesBackend : IAuthBackend
{
    private const string RolePrefix = "role/";

    /// <summary>The roles; their gate also guards <see cref="Config"/>.</summary>
    public RoleTable<KubernetesRole> Roles { get; } = new();

    /// <summary>Null until configured.</summary>
    public KubernetesConfig? Config { get; set; }

    public bool IsLoginPath(string path) => path == "login";

    public VaultResponse Handle(AuthContext context)
    {
        switch (context.Path)
        {
            case "login":
                return context.Operation == VaultOperation.Update ? KubernetesLoginHandler.Login(this, context) : VaultErrors.UnsupportedOperation;
            case "config":
                return KubernetesConfigHandler.Handle(this, context);
            case "role" or "role/":
                return context.Operation == VaultOperation.List ? Roles.List(context) : VaultErrors.UnsupportedOperation;
        }

        string name = context.Path.StartsWith(RolePrefix, StringComparison.Ordinal) ? context.Path[RolePrefix.Length..] : "";
        return NameRules.IsGenericName(name) ? KubernetesRoleHandler.Handle(this, context, name) : VaultErrors.UnsupportedPath;
    }

    public TokenTerms? TermsOf(string roleName) => Roles.TermsOf(roleName);
}
