namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// No secret value is written into deploy/k8s: no Secret objects, no credential-looking literal, and every
/// credential comes by key from the Secret configcluster-secrets, which operators create by hand
/// (secrets.example.env documents its keys and is not part of the kustomization).
/// </summary>
public sealed class SecretTests
{
    /// <summary>The token variable, flat and in the section form: the silos log in to Vault instead.</summary>
    private static readonly string[] VaultTokenVariables = ["VAULT_TOKEN", "Vault__Token"];

    [Fact]
    public void ManifestsHoldNoSecretObjects()
    {
        var secrets = ManifestSet.Files.OfKind<V1Secret>().Select(s => s.Name());

        Assert.True(!secrets.Any(), $"Secrets are created by hand (deploy/README.md), never shipped: found {string.Join(", ", secrets)}.");
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void NoLiteralVariableOfThePodLooksLikeASecret(string component)
    {
        var literals = ComponentContext.For(component).Environment.Variables.Where(v => v.IsLiteral);

        Assert.All(literals, v =>
        {
            Assert.False(SecretHeuristics.IsSecretName(v.Name), $"{v.Name} ({v.Origin}) carries a credential: use a secretKeyRef.");
            Assert.True(SecretHeuristics.WhyValueLooksSecret(v.Value) is null,
                $"{v.Name} ({v.Origin}) looks like a secret: {SecretHeuristics.WhyValueLooksSecret(v.Value)}.");
        });
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void EverySecretIsAKeyOfTheConfigclusterSecret(string component)
    {
        var secrets = ComponentContext.For(component).Environment.Variables.Where(v => v.Secret is not null).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, v => Assert.Equal(DeployPaths.SecretName, v.Secret!.Name));
        Assert.All(secrets, v => Assert.Contains(v.Secret!.Key, ExampleKeys()));
    }

    [Fact]
    public void SecretsExampleListsEveryReferencedKeyWithPlaceholderCredentials()
    {
        var referenced = ManifestSet.Files.Deployments
            .SelectMany(d => ContainerEnvironment.Of(d, ManifestSet.Files).Variables)
            .Where(v => v.Secret is not null)
            .Select(v => v.Secret!.Key)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(referenced.Order(StringComparer.Ordinal), ExampleKeys().Order(StringComparer.Ordinal));
        Assert.All(ExampleEntries(), entry => Assert.True(
            entry.Value.Contains("REPLACE_ME", StringComparison.Ordinal) || SecretHeuristics.WhyValueLooksSecret(entry.Value) is null,
            $"{DeployPaths.SecretsExample}: {entry.Key} must hold a REPLACE_ME placeholder, not a credential."));
    }

    [Fact]
    public void NoPodAndNoConfigMapIsGivenAVaultToken()
    {
        var given = ManifestSet.Files.Deployments
            .SelectMany(d => d.Pod().Containers.Concat(d.Pod().InitContainers ?? [])
                .SelectMany(c => (c.Env ?? []).Select(e => (e.Name, Where: $"Deployment {d.Name()}, container {c.Name}"))))
            .Concat(ManifestSet.Files.OfKind<V1ConfigMap>()
                .SelectMany(map => (map.Data ?? new Dictionary<string, string>()).Keys.Select(key => (Name: key, Where: $"ConfigMap {map.Name()}"))))
            .Where(v => VaultTokenVariables.Contains(v.Name, StringComparer.OrdinalIgnoreCase))
            .Select(v => $"{v.Name} ({v.Where})");

        Assert.True(!given.Any(), $"The silos log in to Vault (VAULT_AUTH_METHOD); no Vault token belongs in the manifests: {string.Join(", ", given)}.");
    }

    [Fact]
    public void NoFileUnderK8sHoldsAVaultTokenOrAVaultTokenSecretKey()
    {
        var files = Directory.EnumerateFiles(RepoRoot.PathOf(DeployPaths.K8sDirectory), "*", SearchOption.AllDirectories).Select(RepoRoot.RelativeOf).ToList();

        Assert.Contains(DeployPaths.SecretsExample, files);
        var found = files
            .SelectMany(file => RepoRoot.ReadText(file).Split('\n').Select((line, index) => (file, Line: index + 1, Text: line)))
            .Where(l => l.Text.Contains("vault-token", StringComparison.OrdinalIgnoreCase) || SecretHeuristics.HoldsVaultToken(l.Text))
            .Select(l => $"{l.file}:{l.Line}");
        Assert.True(!found.Any(), $"A Vault token or a vault-token Secret key (the silos log in to Vault instead): {string.Join(", ", found)}.");
    }

    [Fact]
    public void SecretsExampleIsNotPartOfTheKustomization()
    {
        // KustomizationFile loads strictly, so a secretGenerator (or any generator reading the file) fails loading.
        var resources = KustomizationFile.Load().Resources;

        Assert.DoesNotContain(resources, r => r.EndsWith(Path.GetFileName(DeployPaths.SecretsExample), StringComparison.Ordinal));
    }

    [Fact]
    public void NoConfigMapHoldsAnythingThatLooksLikeASecret()
    {
        var entries = ManifestSet.Files.OfKind<V1ConfigMap>()
            .SelectMany(map => (map.Data ?? new Dictionary<string, string>()).Select(pair => (Map: map.Name(), pair.Key, pair.Value)));

        Assert.All(entries, e =>
        {
            Assert.False(SecretHeuristics.IsSecretName(e.Key), $"ConfigMap {e.Map}: {e.Key} carries a credential.");
            Assert.True(SecretHeuristics.WhyValueLooksSecret(e.Value) is null, $"ConfigMap {e.Map}: {e.Key} looks like a secret.");
        });
    }

    private static IEnumerable<string> ExampleKeys() => ExampleEntries().Select(e => e.Key);

    private static IEnumerable<KeyValuePair<string, string>> ExampleEntries() =>
        RepoRoot.ReadText(DeployPaths.SecretsExample).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts.Length > 1 ? parts[1] : string.Empty));
}
