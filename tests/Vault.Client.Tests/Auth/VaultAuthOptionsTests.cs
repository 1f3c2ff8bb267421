using ConfigCluster.Vault.Client.Internal;

namespace ConfigCluster.Vault.Client.Tests.Auth;

/// <summary>The login settings, from the standard variables, checked at start with messages that name the setting.</summary>
public sealed class VaultAuthOptionsTests
{
    [Fact]
    public void TheFlatVariablesChooseTheMethodAndItsCredentials()
    {
        var variables = new Dictionary<string, string>
        {
            ["VAULT_AUTH_METHOD"] = "AppRole",
            ["VAULT_AUTH_MOUNT"] = "ci/approle",
            ["VAULT_ROLE_ID"] = "r",
            ["VAULT_SECRET_ID_FILE"] = "/run/secret-id",
            ["VAULT_KUBERNETES_ROLE"] = "configcluster",
            ["VAULT_KUBERNETES_JWT_FILE"] = "/var/run/vault/token",
        };
        var options = new VaultOptions();

        VaultOptionsSetup.ApplyFlat(options, variables.GetValueOrDefault);

        Assert.Equal(VaultAuthMethod.AppRole, options.Auth.Method);
        Assert.Equal("ci/approle", options.Auth.EffectiveMountPath);
        Assert.Equal("r", options.Auth.RoleId);
        Assert.Equal("/run/secret-id", options.Auth.SecretIdFile);
        Assert.Equal("configcluster", options.Auth.Role);
        Assert.Equal("/var/run/vault/token", options.Auth.JwtFile);
    }

    [Fact]
    public void AnUnknownMethodIsRefusedWithTheChoices()
    {
        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => VaultOptionsSetup.ApplyFlat(new VaultOptions(), name => name == "VAULT_AUTH_METHOD" ? "ldap" : null));

        Assert.Contains("token, approle or kubernetes", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VaultAuthMethod.AppRole, "Vault:Auth:RoleId (VAULT_ROLE_ID) must be set")]
    [InlineData(VaultAuthMethod.Kubernetes, "Vault:Auth:Role (VAULT_KUBERNETES_ROLE) must be set")]
    public void ALoginWithoutItsRoleIsRefusedAtStart(VaultAuthMethod method, string message)
    {
        var result = new VaultOptionsValidator().Validate(null, new VaultOptions { Auth = new VaultAuthOptions { Method = method } });

        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoginMethodBesideAGivenTokenIsRefusedAtStart()
    {
        var options = new VaultOptions { Token = "t", Auth = new VaultAuthOptions { Method = VaultAuthMethod.AppRole, RoleId = "r" } };

        var result = new VaultOptionsValidator().Validate(null, options);

        Assert.Contains("unset Vault:Token (VAULT_TOKEN)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AKubernetesLoginWithoutTheServiceAccountTokenFileIsRefusedAtStart()
    {
        var options = new VaultOptions { Auth = new VaultAuthOptions { Method = VaultAuthMethod.Kubernetes, Role = "cc", JwtFile = "/nowhere/token" } };

        var result = new VaultOptionsValidator().Validate(null, options);

        Assert.Contains("no file /nowhere/token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultsAreTheTokenMethodAndTheUsualMountsAndJwtPath()
    {
        var auth = new VaultAuthOptions();

        Assert.Equal(VaultAuthMethod.Token, auth.Method);
        Assert.Equal("approle", new VaultAuthOptions { Method = VaultAuthMethod.AppRole }.EffectiveMountPath);
        Assert.Equal("kubernetes", new VaultAuthOptions { Method = VaultAuthMethod.Kubernetes }.EffectiveMountPath);
        Assert.Equal("/var/run/secrets/kubernetes.io/serviceaccount/token", auth.JwtFile);
    }

    [Fact]
    public void TheOptionsPrintNoCredential()
    {
        var options = new VaultOptions { Auth = new VaultAuthOptions { Method = VaultAuthMethod.AppRole, RoleId = "role-id-x", SecretId = "secret-id-x" } };

        var printed = options.ToString();

        Assert.DoesNotContain("role-id-x", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-id-x", printed, StringComparison.Ordinal);
        Assert.Contains("Method = approle", printed, StringComparison.Ordinal);
    }
}
