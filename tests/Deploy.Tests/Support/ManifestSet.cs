namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>A set of typed objects: every manifest file under deploy/k8s, or one rendering of the kustomization.</summary>
internal sealed class ManifestSet(IReadOnlyList<Manifest> manifests)
{
    private static readonly Lazy<ManifestSet> RawSet = new(LoadFiles);

    /// <summary>Every *.yaml under deploy/k8s except kustomization.yaml, loaded file by file.</summary>
    public static ManifestSet Files => RawSet.Value;

    public IReadOnlyList<Manifest> All { get; } = manifests;

    public IReadOnlyList<V1Deployment> Deployments => OfKind<V1Deployment>();

    public IReadOnlyList<V1Service> Services => OfKind<V1Service>();

    public IReadOnlyList<V1PodDisruptionBudget> DisruptionBudgets => OfKind<V1PodDisruptionBudget>();

    public IReadOnlyList<V1NetworkPolicy> NetworkPolicies => OfKind<V1NetworkPolicy>();

    public IReadOnlyList<T> OfKind<T>() where T : IKubernetesObject<V1ObjectMeta> =>
        All.Select(m => m.Object).OfType<T>().ToList();

    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta>
    {
        var found = OfKind<T>().Where(o => o.Metadata.Name == name).ToList();
        Assert.True(found.Count == 1, $"Expected exactly one {typeof(T).Name} named {name}, found {found.Count}.");
        return found[0];
    }

    public V1Deployment DeploymentOf(Component component) => Single<V1Deployment>(component.DeploymentName);

    /// <summary>The manifest file names under deploy/k8s that are Kubernetes objects (not the kustomization).</summary>
    public static IReadOnlyList<string> ManifestFileNames() =>
        Directory.EnumerateFiles(RepoRoot.PathOf(DeployPaths.K8sDirectory), "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoRoot.PathOf(DeployPaths.K8sDirectory), "*.yml", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepoRoot.PathOf(DeployPaths.K8sDirectory), path).Replace('\\', '/'))
            .Where(name => name != "kustomization.yaml")
            .Order(StringComparer.Ordinal)
            .ToList();

    public static ManifestSet FromRendering(string yaml) => new(ManifestLoader.Load(yaml, "kubectl kustomize"));

    private static ManifestSet LoadFiles() =>
        new(ManifestFileNames()
            .SelectMany(name => ManifestLoader.Load(RepoRoot.ReadText($"{DeployPaths.K8sDirectory}/{name}"), name))
            .ToList());
}
