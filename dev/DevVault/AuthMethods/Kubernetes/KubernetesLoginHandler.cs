using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// login (path_login.go): role and jwt required, the role must exist and the method be configured; the JWT is
/// verified against pem_keys and its claims checked (issuer, audience, times), then the service account name
/// and namespace against the role. Vault then asks the TokenReview API, which this server cannot reach: with
/// pem_keys the verified signature stands in for it; without them the login is refused ("permission denied").
/// </summary>
internal static class KubernetesLoginHandler
{
    private static readonly VaultResponse PermissionDenied = VaultErrors.Of(403, "permission denied");
    private static readonly FieldSchema Schema = new(("role", FieldType.String), ("jwt", FieldType.String));

    public static VaultResponse Login(KubernetesBackend backend, AuthContext context)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        string roleName = fields.GetString("role");
        string jwt = fields.GetString("jwt");
        if (roleName.Length == 0 || jwt.Length == 0)
        {
            return VaultErrors.Of(400, roleName.Length == 0 ? "missing role" : "missing jwt");
        }

        KubernetesRole? role;
        KubernetesConfig? config;
        lock (backend.Roles.Gate)
        {
            backend.Roles.ByName.TryGetValue(roleName.ToLowerInvariant(), out role);
            config = backend.Config;
        }

        if (role is null)
        {
            return VaultErrors.Of(400, $"invalid role name \"{roleName}\"");
        }

        if (config is null)
        {
            return VaultErrors.Of(500, "could not load backend configuration");
        }

        var expected = new JwtExpectations(config.ExpectedIssuer, role.Audience);
        JwtOutcome outcome = JwtValidation.Validate(jwt, config.PublicKeys, expected, context.Now);
        if (outcome.SignatureFailed)
        {
            return PermissionDenied;
        }

        if (outcome.Refusal is { } refusal)
        {
            return VaultErrors.Of(403, refusal);
        }

        if (ServiceAccount.Read(outcome.Claims, out string claimsError) is not { } account)
        {
            return VaultErrors.Of(500, claimsError);
        }

        return Authorize(role, account, config) ?? Issue(context, roleName, role, account, fields);
    }

    private static VaultResponse? Authorize(KubernetesRole role, ServiceAccount account, KubernetesConfig config)
    {
        bool anyName = role.ServiceAccountNames is ["*"];
        if (!anyName && !NameRules.ContainsGlob(role.ServiceAccountNames, account.Name))
        {
            return VaultErrors.Of(403, "service account name not authorized");
        }

        bool namespaceAllowed = role.ServiceAccountNamespaces[0] == "*" || NameRules.ContainsGlob(role.ServiceAccountNamespaces, account.Namespace);
        if (!namespaceAllowed)
        {
            return VaultErrors.Of(403, "namespace not authorized");
        }

        if (role.AliasNameSource == KubernetesRole.AliasFromName && (account.Namespace.Length == 0 || account.Name.Length == 0))
        {
            return VaultErrors.Of(500, "service account namespace and name must be set");
        }

        if (account.Uid.Length == 0)
        {
            return VaultErrors.Of(500, "could not parse UID from claims");
        }

        return config.PublicKeys.Count == 0 ? PermissionDenied : null;
    }

    private static VaultResponse Issue(AuthContext context, string roleName, KubernetesRole role, ServiceAccount account, FieldData fields)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["role"] = roleName,
            ["service_account_name"] = account.Name,
            ["service_account_namespace"] = account.Namespace,
            ["service_account_secret_name"] = account.SecretName,
            ["service_account_uid"] = account.Uid,
        };
        string alias = role.AliasNameSource == KubernetesRole.AliasFromName ? $"{account.Namespace}/{account.Name}" : account.Uid;
        var login = new LoginAuth(
            roleName.ToLowerInvariant(),
            role.Token.TokenPolicies,
            role.Token.TokenNoDefaultPolicy,
            role.Token.Terms,
            metadata,
            DisplayName: $"{account.Namespace}-{account.Name}",
            AliasName: alias);
        return LoginIssuer.Issue(context, login, fields.FrameworkWarnings());
    }
}
