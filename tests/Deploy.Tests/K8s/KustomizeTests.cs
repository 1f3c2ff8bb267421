namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// <c>kubectl kustomize deploy/k8s</c> (what <c>kubectl apply -k</c> sends) renders without error, and its output
/// loads as typed objects: the manifest files, put in the configcluster namespace, with tagged images.
/// </summary>
public sealed class KustomizeTests
{
    [Fact]
    public void KustomizationListsEveryManifestFileAndNothingElse()
    {
        var kustomization = KustomizationFile.Load();

        Assert.Equal("kustomize.config.k8s.io/v1beta1", kustomization.ApiVersion);
        Assert.Equal("Kustomization", kustomization.Kind);
        Assert.Equal(DeployPaths.Namespace, kustomization.Namespace);
        Assert.Equal(ManifestSet.ManifestFileNames(), kustomization.Resources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KustomizeRendersTheSameObjectsAsTheManifestFiles()
    {
        var rendered = Kubectl.Rendered.All.Select(m => $"{m.Kind}/{m.Name}").Order(StringComparer.Ordinal);

        Assert.Equal(ManifestSet.Files.All.Select(m => $"{m.Kind}/{m.Name}").Order(StringComparer.Ordinal), rendered);
    }

    [Fact]
    public void EveryRenderedObjectLivesInTheConfigclusterNamespace()
    {
        var namespaced = Kubectl.Rendered.All.Where(m => m.Object is not V1Namespace);

        Assert.All(namespaced, m => Assert.Equal(DeployPaths.Namespace, m.Object.Metadata.NamespaceProperty));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void RenderedDeploymentRunsItsComponentsImageWithTheKustomizationsTag(string component)
    {
        var expected = Component.Named(component);
        var image = Assert.Single(KustomizationFile.Load().Images, i => i.Name == expected.Image);

        var rendered = Kubectl.Rendered.DeploymentOf(expected).Container().Image;

        Assert.Equal(expected.Image, ManifestSet.Files.DeploymentOf(expected).Container().Image);

        Assert.False(string.IsNullOrEmpty(image.NewTag), $"The kustomization sets no tag for {expected.Image}.");
        Assert.NotEqual("latest", image.NewTag);
        Assert.Equal($"{image.NewName ?? image.Name}:{image.NewTag}", rendered);
    }

    [Fact]
    public void RenderingHasNoSecret()
    {
        Assert.Empty(Kubectl.Rendered.OfKind<V1Secret>());
    }
}
