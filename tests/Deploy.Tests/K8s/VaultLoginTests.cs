using System.Globalization;

namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// The silos log in to Vault with the Kubernetes auth method: the settings name the method and a role, the role
/// deploy/README.md tells operators to write binds the ServiceAccount and namespace the pods run as, and every pod
/// has a service-account token, with the audience that role expects, at the path the login reads.
/// </summary>
public sealed class VaultLoginTests
{
    /// <summary>Where Vault enables the Kubernetes auth method unless told otherwise (VAULT_AUTH_MOUNT).</summary>
    private const string DefaultKubernetesMount = "kubernetes";

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodLogsInWithKubernetesAuthAsANamedRole(string component)
    {
        var (_, _, app, environment) = ComponentContext.For(component);

        Assert.Equal("kubernetes", environment.Literal("VAULT_AUTH_METHOD"));
        Assert.Contains("Kubernetes", app.Sources.EnumMembers("VaultAuthMethod"));
        Assert.False(string.IsNullOrWhiteSpace(environment.Literal("VAULT_KUBERNETES_ROLE")), "VAULT_KUBERNETES_ROLE names no Vault role.");
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodRunsAsAServiceAccountTheReadmesVaultRoleBinds(string component)
    {
        var context = ComponentContext.For(component);
        var role = ReadmeRoleOf(context);
        var account = AccountOf(context);

        Assert.Contains(account.Name(), role.List("bound_service_account_names"));
        Assert.Contains(account.Namespace(), role.List("bound_service_account_namespaces"));
        Assert.Equal(context.Deployment.Namespace(), account.Namespace());
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodHasATokenWithTheRolesAudienceAtThePathTheLoginReads(string component)
    {
        var context = ComponentContext.For(component);
        var path = JwtFileOf(context);

        var tokens = ServiceAccountTokenFile.Of(context.Deployment, AccountOf(context));

        var token = tokens.SingleOrDefault(t => t.Path == path);
        Assert.True(token is not null,
            $"The Vault login reads {path}, but the pod's service-account tokens are at: {string.Join(", ", tokens.Select(t => t.Path))}.");
        Assert.Equal(ReadmeRoleOf(context).Parameters.GetValueOrDefault("audience"), token.Audience);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void TokenSentToVaultIsForVaultAloneAndShortLived(string component)
    {
        var context = ComponentContext.For(component);

        var token = ServiceAccountTokenFile.Of(context.Deployment, AccountOf(context)).SingleOrDefault(t => t.Path == JwtFileOf(context));

        Assert.True(token is { Audience.Length: > 0 },
            "The token the Vault login reads has no audience of its own (it is the API server's, or missing): " +
            "project one with an audience the API refuses (deploy/README.md).");
        Assert.True(token.ExpirationSeconds is >= 600 and <= 86_400,
            $"The projected token's expirationSeconds is {token.ExpirationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "not set"}: " +
            "set it from 600 (the API's minimum) to a day, so that a token that leaks soon expires.");
    }

    /// <summary>The token file the Vault login reads: VAULT_KUBERNETES_JWT_FILE, else the app's default.</summary>
    private static string JwtFileOf(ComponentContext context) =>
        context.Environment.Literal("VAULT_KUBERNETES_JWT_FILE") ?? context.App.Sources.StringConstant("DefaultJwtFile");

    private static V1ServiceAccount AccountOf(ComponentContext context) =>
        ManifestSet.Files.Single<V1ServiceAccount>(context.Deployment.Pod().ServiceAccountName);

    private static VaultRoleCommand ReadmeRoleOf(ComponentContext context) =>
        VaultRoleCommand.Single(
            context.Environment.Literal("VAULT_AUTH_MOUNT") ?? DefaultKubernetesMount,
            context.Environment.Literal("VAULT_KUBERNETES_ROLE") ?? string.Empty);
}
