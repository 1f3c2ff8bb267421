namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>Every file under deploy/k8s is a set of typed Kubernetes objects of known kinds, loaded strictly.</summary>
public sealed class ManifestLoadingTests
{
    [Fact]
    public void EveryManifestFileUnderK8sLoadsAsTypedKubernetesObjects()
    {
        var files = ManifestSet.ManifestFileNames();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Contains(ManifestSet.Files.All, m => m.Source == file));
    }

    [Fact]
    public void TheManifestsDeclareOneDeploymentPerComponent()
    {
        var deployments = ManifestSet.Files.Deployments.Select(d => d.Name()).Order(StringComparer.Ordinal);

        Assert.Equal(Component.All.Select(c => c.DeploymentName).Order(StringComparer.Ordinal), deployments);
        Assert.All(Component.All, c => Assert.Equal(c, Component.Of(ManifestSet.Files.DeploymentOf(c))));
    }

    [Fact]
    public void ADocumentOfAnUnknownKindFailsLoading()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n";

        var failure = Assert.Throws<InvalidDataException>(() => ManifestLoader.Load(pod, "test"));

        Assert.Contains("unknown kind 'v1/Pod'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspelledFieldFailsLoading()
    {
        const string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typo\nspec:\n  replica: 2\n";

        var failure = Assert.Throws<InvalidDataException>(() => ManifestLoader.Load(deployment, "test"));

        Assert.Contains("not a valid typed object", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryNamespacedObjectNamesTheConfigclusterNamespace()
    {
        var namespaced = ManifestSet.Files.All.Where(m => m.Object is not V1Namespace);

        Assert.All(namespaced, m => Assert.True(m.Object.Metadata.NamespaceProperty == DeployPaths.Namespace,
            $"{m} is in namespace '{m.Object.Metadata.NamespaceProperty}', not {DeployPaths.Namespace}."));
        Assert.Equal(DeployPaths.Namespace, Assert.Single(ManifestSet.Files.OfKind<V1Namespace>()).Name());
    }

    [Fact]
    public void TheNamespaceEnforcesTheRestrictedPodSecurityStandard()
    {
        var labels = Assert.Single(ManifestSet.Files.OfKind<V1Namespace>()).Metadata.Labels;

        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
    }
}
