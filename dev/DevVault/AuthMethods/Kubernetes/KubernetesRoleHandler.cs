using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;
using ConfigCluster.DevVault.Json;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// role/{name} (path_role.go): POST creates or updates with the plugin's checks, texts and warnings, GET reads
/// (404 when absent); DELETE and LIST role/ are the role table's. Names are kept lower-cased.
/// Namespace selectors need the Kubernetes API, so <c>bound_service_account_namespace_selector</c> is not offered.
/// </summary>
internal static class KubernetesRoleHandler
{
    private static readonly string[] AliasNameSources = [KubernetesRole.AliasFromUid, KubernetesRole.AliasFromName];

    private static readonly FieldSchema Schema = new(
    [
        ("name", FieldType.PathCapture),
        ("bound_service_account_names", FieldType.CommaStringSlice),
        ("bound_service_account_namespaces", FieldType.CommaStringSlice),
        ("audience", FieldType.String),
        ("alias_name_source", FieldType.String),
        .. RoleTokenParams.Fields,
    ]);

    public static VaultResponse Handle(KubernetesBackend backend, AuthContext context, string name) => context.Operation switch
    {
        VaultOperation.Update => Write(backend, context, name),
        VaultOperation.Read => Read(backend, context, name.ToLowerInvariant()),
        VaultOperation.Delete => backend.Roles.Delete(name.ToLowerInvariant()),
        _ => VaultErrors.UnsupportedOperation,
    };


    private static VaultResponse Write(KubernetesBackend backend, AuthContext context, string name)
    {
        if (!Schema.TryConvert(context.Request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        lock (backend.Roles.Gate)
        {
            backend.Roles.ByName.TryGetValue(name.ToLowerInvariant(), out KubernetesRole? existing);
            KubernetesRole role = existing?.Clone() ?? new KubernetesRole();
            List<string> warnings = [];
            if (Update(role, fields, name, warnings) is { } rejection)
            {
                return VaultErrors.Of(400, rejection);
            }

            backend.Roles.ByName[name.ToLowerInvariant()] = role;
            warnings.AddRange(fields.FrameworkWarnings() ?? []);
            return VaultEnvelopeWriter.NoContentOrWarnings(context.MountType, warnings);
        }
    }

    private static string? Update(KubernetesRole role, FieldData fields, string name, List<string> warnings)
    {
        if (role.Token.Apply(fields) is { } tokenError)
        {
            return tokenError;
        }

        if (role.Token.TokenMaxTtl > VaultIdentity.DefaultLeaseSeconds)
        {
            warnings.Add("max_ttl is greater than the system or backend mount's maximum TTL value; issued tokens' max TTL value will be truncated");
        }

        role.ServiceAccountNames = fields.Has("bound_service_account_names") ? fields.GetStrings("bound_service_account_names") : role.ServiceAccountNames;
        if (role.ServiceAccountNames.Count == 0)
        {
            return "\"bound_service_account_names\" can not be empty";
        }

        if (MixesWildcard(role.ServiceAccountNames))
        {
            return "can not mix \"*\" with values";
        }

        role.ServiceAccountNamespaces = fields.Has("bound_service_account_namespaces") ? fields.GetStrings("bound_service_account_namespaces") : role.ServiceAccountNamespaces;
        if (role.ServiceAccountNamespaces.Count == 0)
        {
            return "\"bound_service_account_namespaces\" can not be empty if \"bound_service_account_namespace_selector\" is not set";
        }

        if (MixesWildcard(role.ServiceAccountNamespaces))
        {
            return "can not mix \"*\" with values";
        }

        role.Audience = fields.Has("audience") ? fields.GetString("audience") : role.Audience;
        if (role.Audience.Trim().Length == 0)
        {
            warnings.Add($"Role {name} does not have an audience configured. While audiences are not required, consider specifying one if your use case would benefit from additional JWT claim verification.");
        }

        string source = fields.GetString("alias_name_source");
        role.AliasNameSource = role.AliasNameSource.Length == 0 && source.Length == 0 ? KubernetesRole.AliasFromUid
            : fields.Has("alias_name_source") ? source : role.AliasNameSource;
        return AliasNameSources.Contains(role.AliasNameSource)
            ? null
            : $"invalid alias_name_source, must be one of: {string.Join(", ", AliasNameSources)}";
    }

    private static bool MixesWildcard(IReadOnlyList<string> values) => values.Count > 1 && values.Contains("*");

    private static VaultResponse Read(KubernetesBackend backend, AuthContext context, string name)
    {
        lock (backend.Roles.Gate)
        {
            if (!backend.Roles.ByName.TryGetValue(name, out KubernetesRole? role))
            {
                return VaultErrors.Empty(404);
            }

            var data = new GoMap()
                .Add("alias_name_source", role.AliasNameSource)
                .Add("bound_service_account_names", role.ServiceAccountNames)
                .Add("bound_service_account_namespace_selector", "")
                .Add("bound_service_account_namespaces", role.ServiceAccountNamespaces);
            if (role.Audience.Length > 0)
            {
                data.Add("audience", role.Audience);
            }

            role.Token.AddTo(data);
            return data.Respond(context.MountType);
        }
    }
}
