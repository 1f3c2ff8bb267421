using System.Security.Cryptography;
using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Auth;

/// <summary>Kubernetes auth: logins with service account JWTs signed by keys given as pem_keys.</summary>
public sealed class KubernetesLoginTests : IDisposable
{
    private const string Role = """{"bound_service_account_names":"myapp","bound_service_account_namespaces":"prod","token_policies":"myapp","token_ttl":"1h"}""";
    private static readonly DateTimeOffset Start = new(2025, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly RSA _clusterKey = RSA.Create(2048);

    public void Dispose() => _clusterKey.Dispose();

    [Fact]
    public async Task AJwtSignedByAConfiguredRsaKeyLogsInWithTheServiceAccountMetadata()
    {
        await using RunningVault vault = await ConfiguredAsync(Role);

        VaultReply login = await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Legacy("myapp", "prod")));

        ContractAssert.MatchesFixture(login, 200, "kubernetes-login-200.json");
    }

    [Fact]
    public async Task TheTokenFromALoginIsUsableOnKvAndNamedAfterTheServiceAccount()
    {
        await using RunningVault vault = await ConfiguredAsync(Role);
        string token = AuthSetup.ClientToken(await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Legacy("myapp", "prod"))));

        VaultReply written = await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{"a":"1"}}""", token);
        JsonElement lookup = (await vault.Http.GetAsync("/v1/auth/token/lookup-self", token)).Json.GetProperty("data");

        Assert.Equal(200, written.Status);
        Assert.Equal("kubernetes-prod-myapp", lookup.GetProperty("display_name").GetString());
        Assert.Equal("auth/kubernetes/login", lookup.GetProperty("path").GetString());
        Assert.Equal(3600, lookup.GetProperty("creation_ttl").GetInt32());
    }

    [Fact]
    public async Task AJwtSignedByAnotherKeyIsDenied()
    {
        await using RunningVault vault = await ConfiguredAsync(Role);
        using var stranger = RSA.Create(2048);

        VaultReply login = await LoginAsync(vault, TestJwt.Sign(stranger, TestJwt.Legacy("myapp", "prod")));

        ContractAssert.MatchesFixture(login, 403, "kubernetes-login-denied-403.json");
    }

    [Fact]
    public async Task ATamperedJwtIsDenied()
    {
        await using RunningVault vault = await ConfiguredAsync(Role);
        string[] parts = TestJwt.Sign(_clusterKey, TestJwt.Legacy("myapp", "prod")).Split('.');
        string otherPayload = TestJwt.Sign(_clusterKey, TestJwt.Legacy("admin", "prod")).Split('.')[1];

        VaultReply login = await LoginAsync(vault, $"{parts[0]}.{otherPayload}.{parts[2]}");

        ContractAssert.MatchesFixture(login, 403, "kubernetes-login-denied-403.json");
    }

    [Fact]
    public async Task AServiceAccountOrNamespaceTheRoleDoesNotBindIsNotAuthorized()
    {
        await using RunningVault vault = await ConfiguredAsync(Role);

        VaultReply otherName = await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Legacy("intruder", "prod")));
        VaultReply otherNamespace = await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Legacy("myapp", "dev")));

        ContractAssert.MatchesFixture(otherName, 403, "kubernetes-login-sa-not-authorized-403.json");
        ContractAssert.MatchesFixture(otherNamespace, 403, "kubernetes-login-namespace-not-authorized-403.json");
    }

    [Fact]
    public async Task AnExpiredProjectedJwtIsRefusedAndAFreshOneAccepted()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await ConfiguredAsync(Role, clock);
        string jwt = TestJwt.Sign(_clusterKey, TestJwt.Projected("myapp", "prod", Start, TimeSpan.FromMinutes(10), "https://kubernetes.default.svc"));

        VaultReply fresh = await LoginAsync(vault, jwt);
        clock.Advance(TimeSpan.FromMinutes(12));
        VaultReply expired = await LoginAsync(vault, jwt);

        Assert.Equal("myapp", AuthSetup.Auth(fresh).GetProperty("metadata").GetProperty("service_account_name").GetString());
        Assert.Equal(
            (403, """{"errors":["invalid expiration time (exp) claim: token is expired"]}""" + "\n"),
            (expired.Status, expired.Text));
    }

    [Fact]
    public async Task ARoleWithAnAudienceAcceptsOnlyJwtsForIt()
    {
        await using RunningVault vault = await ConfiguredAsync("""{"bound_service_account_names":"*","bound_service_account_namespaces":"*","audience":"vault"}""");

        VaultReply forVault = await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Projected("any", "ns", DateTimeOffset.UtcNow, TimeSpan.FromHours(1), "vault")));
        VaultReply forOthers = await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Projected("any", "ns", DateTimeOffset.UtcNow, TimeSpan.FromHours(1), "api")));

        Assert.Equal(200, forVault.Status);
        Assert.Equal("invalid audience (aud) claim: audience claim does not match any expected audience", forOthers.Json.GetProperty("errors")[0].GetString());
        Assert.Equal(403, forOthers.Status);
    }

    [Fact]
    public async Task AnEcdsaKeyGivenAsPemVerifiesEs256Jwts()
    {
        using var ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "kubernetes");
        await vault.Http.PostAsync("/v1/auth/kubernetes/config", $$"""{"kubernetes_host":"https://k8s:6443","pem_keys":[{{TestJwt.PemJson(_clusterKey)}},{{TestJwt.PemJson(ecKey)}}]}""");
        await vault.Http.PostAsync("/v1/auth/kubernetes/role/myapp", Role);

        VaultReply login = await LoginAsync(vault, TestJwt.Sign(ecKey, TestJwt.Legacy("myapp", "prod")));

        Assert.Equal(200, login.Status);
    }

    [Fact]
    public async Task WithoutPemKeysTheJwtCannotBeReviewedAndLoginIsDenied()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "kubernetes");
        await vault.Http.PostAsync("/v1/auth/kubernetes/config", """{"kubernetes_host":"https://k8s:6443"}""");
        await vault.Http.PostAsync("/v1/auth/kubernetes/role/myapp", Role);

        VaultReply login = await LoginAsync(vault, TestJwt.Sign(_clusterKey, TestJwt.Legacy("myapp", "prod")));

        ContractAssert.MatchesFixture(login, 403, "kubernetes-login-denied-403.json");
    }

    [Fact]
    public async Task MissingFieldsAnUnknownRoleAndAMissingConfigAnswerVaultsErrors()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "kubernetes");
        await vault.Http.PostAsync("/v1/auth/kubernetes/role/myapp", Role);

        VaultReply noRole = await vault.Http.PostAsync("/v1/auth/kubernetes/login", """{"jwt":"x"}""", token: null);
        VaultReply noJwt = await vault.Http.PostAsync("/v1/auth/kubernetes/login", """{"role":"myapp"}""", token: null);
        VaultReply unknownRole = await vault.Http.PostAsync("/v1/auth/kubernetes/login", """{"role":"myapp2","jwt":"x"}""", token: null);
        VaultReply unconfigured = await vault.Http.PostAsync("/v1/auth/kubernetes/login", """{"role":"myapp","jwt":"x"}""", token: null);

        ContractAssert.MatchesFixture(noRole, 400, "kubernetes-login-missing-role-400.json");
        ContractAssert.MatchesFixture(noJwt, 400, "kubernetes-login-missing-jwt-400.json");
        Assert.Equal((400, """{"errors":["invalid role name \"myapp2\""]}""" + "\n"), (unknownRole.Status, unknownRole.Text));
        Assert.Equal((500, """{"errors":["could not load backend configuration"]}""" + "\n"), (unconfigured.Status, unconfigured.Text));
    }

    [Fact]
    public async Task ConfigAndRoleReadBackWithThePluginsKeys()
    {
        await using RunningVault vault = await ConfiguredAsync(Role);

        VaultReply config = await vault.Http.GetAsync("/v1/auth/kubernetes/config");
        VaultReply role = await vault.Http.GetAsync("/v1/auth/kubernetes/role/MyApp");

        Assert.Equal(
            ["disable_iss_validation", "disable_local_ca_jwt", "issuer", "kubernetes_ca_cert", "kubernetes_host", "pem_keys", "token_reviewer_jwt_set", "use_annotations_as_alias_metadata"],
            config.Json.GetProperty("data").EnumerateObject().Select(property => property.Name));
        Assert.True(config.Json.GetProperty("data").GetProperty("disable_iss_validation").GetBoolean());
        Assert.Equal(
            """{"alias_name_source":"serviceaccount_uid","bound_service_account_names":["myapp"],"bound_service_account_namespace_selector":"","bound_service_account_namespaces":["prod"],"token_bound_cidrs":[],"token_explicit_max_ttl":0,"token_max_ttl":0,"token_no_default_policy":false,"token_num_uses":0,"token_period":0,"token_policies":["myapp"],"token_ttl":3600,"token_type":"default"}""",
            role.Json.GetProperty("data").GetRawText());
        Assert.Equal("kubernetes", role.Json.GetProperty("mount_type").GetString());
    }

    [Fact]
    public async Task RoleAndConfigWritesAreCheckedLikeThePlugin()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await AuthSetup.EnableAsync(vault.Http, "kubernetes");

        VaultReply noHost = await vault.Http.PostAsync("/v1/auth/kubernetes/config", """{"pem_keys":"x"}""");
        VaultReply badKey = await vault.Http.PostAsync("/v1/auth/kubernetes/config", """{"kubernetes_host":"h","pem_keys":"not a key"}""");
        VaultReply noNames = await vault.Http.PostAsync("/v1/auth/kubernetes/role/r", """{"bound_service_account_namespaces":"prod"}""");
        VaultReply mixed = await vault.Http.PostAsync("/v1/auth/kubernetes/role/r", """{"bound_service_account_names":["*","a"],"bound_service_account_namespaces":"prod"}""");
        VaultReply noAudience = await vault.Http.PostAsync("/v1/auth/kubernetes/role/r", """{"bound_service_account_names":"a","bound_service_account_namespaces":"prod"}""");

        Assert.Equal("no host provided", noHost.Json.GetProperty("errors")[0].GetString());
        Assert.Equal("data does not contain any valid RSA or ECDSA public keys", badKey.Json.GetProperty("errors")[0].GetString());
        Assert.Equal("\"bound_service_account_names\" can not be empty", noNames.Json.GetProperty("errors")[0].GetString());
        Assert.Equal("can not mix \"*\" with values", mixed.Json.GetProperty("errors")[0].GetString());
        Assert.Equal(200, noAudience.Status);
        Assert.StartsWith("Role r does not have an audience configured.", noAudience.Json.GetProperty("warnings")[0].GetString());
    }

    private async Task<RunningVault> ConfiguredAsync(string role, TimeProvider? time = null)
    {
        RunningVault vault = await RunningVault.StartAsync(time: time);
        await AuthSetup.EnableAsync(vault.Http, "kubernetes");
        VaultReply config = await vault.Http.PostAsync("/v1/auth/kubernetes/config", $$"""{"kubernetes_host":"https://k8s:6443","pem_keys":{{TestJwt.PemJson(_clusterKey)}}}""");
        Assert.Equal(204, config.Status);
        Assert.True((await vault.Http.PostAsync("/v1/auth/kubernetes/role/myapp", role)).Status is 200 or 204);
        return vault;
    }

    private static Task<VaultReply> LoginAsync(RunningVault vault, string jwt) =>
        vault.Http.PostAsync("/v1/auth/kubernetes/login", $$"""{"role":"myapp","jwt":"{{jwt}}"}""", token: null);
}
