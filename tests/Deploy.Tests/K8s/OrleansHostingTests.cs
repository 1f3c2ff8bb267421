using Orleans.Hosting.Kubernetes;

namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>
/// What Orleans' Kubernetes hosting and ADO.NET clustering need from the pods: the orleans/* labels equal to
/// the ids the silo uses, the downward-API variables, AdoNet clustering on PostgreSQL, and RBAC on pods.
/// </summary>
public sealed class OrleansHostingTests
{
    private static readonly string[] PodVerbs = ["get", "list", "watch", "patch"];

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodTemplateCarriesOrleansLabelsEqualToTheIdsTheSiloUses(string component)
    {
        var (_, deployment, app, environment) = ComponentContext.For(component);
        var labels = deployment.TemplateLabels();

        Assert.True(labels.ContainsKey(KubernetesHostingOptions.ServiceIdLabel), $"No {KubernetesHostingOptions.ServiceIdLabel} label.");
        Assert.True(labels.ContainsKey(KubernetesHostingOptions.ClusterIdLabel), $"No {KubernetesHostingOptions.ClusterIdLabel} label.");
        Assert.Equal(labels[KubernetesHostingOptions.ServiceIdLabel], environment.Literal(KubernetesHostingOptions.ServiceIdEnvironmentVariable));
        Assert.Equal(labels[KubernetesHostingOptions.ClusterIdLabel], environment.Literal(KubernetesHostingOptions.ClusterIdEnvironmentVariable));
        Assert.Equal(labels[KubernetesHostingOptions.ServiceIdLabel], environment.Setting(app, "Cluster:ServiceId"));
        Assert.Equal(labels[KubernetesHostingOptions.ClusterIdLabel], environment.Setting(app, "Cluster:ClusterId"));
    }

    [Fact]
    public void GatewayAndWorkerSilosJoinOneCluster()
    {
        var ids = ManifestSet.Files.Deployments
            .Select(d => (d.TemplateLabels()[KubernetesHostingOptions.ServiceIdLabel], d.TemplateLabels()[KubernetesHostingOptions.ClusterIdLabel]))
            .Distinct();

        Assert.Single(ids);
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodLearnsItsNameNamespaceAndIpFromTheDownwardApi(string component)
    {
        var variables = ComponentContext.For(component).Environment.Variables;

        Assert.Equal("metadata.name", FieldOf(variables, KubernetesHostingOptions.PodNameEnvironmentVariable));
        Assert.Equal("metadata.namespace", FieldOf(variables, KubernetesHostingOptions.PodNamespaceEnvironmentVariable));
        Assert.Equal("status.podIP", FieldOf(variables, KubernetesHostingOptions.PodIPEnvironmentVariable));
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void PodClustersThroughAdoNetOnThePostgresFromTheSecret(string component)
    {
        var (_, _, app, environment) = ComponentContext.For(component);

        Assert.Equal("AdoNet", environment.Literal("Cluster__Clustering"));
        Assert.Contains("AdoNet", app.Sources.EnumMembers("ClusteringMode"));
        var postgres = Assert.Single(environment.Variables, v => v.Name == "ConnectionStrings__Postgres");
        Assert.True(postgres.Secret is { Optional: not true }, "ConnectionStrings__Postgres must come from a required Secret key.");
    }

    [Fact]
    public void RoleGrantsExactlyThePodAccessOrleansKubernetesHostingNeeds()
    {
        var rule = Assert.Single(Assert.Single(ManifestSet.Files.OfKind<V1Role>()).Rules);

        Assert.Equal([""], rule.ApiGroups);
        Assert.Equal(["pods"], rule.Resources);
        Assert.Equal(PodVerbs.Order(StringComparer.Ordinal), rule.Verbs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryDeploymentRunsAsTheServiceAccountBoundToThatRole()
    {
        var role = Assert.Single(ManifestSet.Files.OfKind<V1Role>());
        var binding = Assert.Single(ManifestSet.Files.OfKind<V1RoleBinding>(), b => b.RoleRef.Kind == "Role" && b.RoleRef.Name == role.Name());
        var account = Assert.Single(ManifestSet.Files.OfKind<V1ServiceAccount>());

        Assert.Contains(binding.Subjects, s => s.Kind == "ServiceAccount" && s.Name == account.Name() && s.NamespaceProperty == DeployPaths.Namespace);
        Assert.NotEqual(false, account.AutomountServiceAccountToken);
        Assert.All(ManifestSet.Files.Deployments, d =>
        {
            Assert.Equal(account.Name(), d.Pod().ServiceAccountName);
            Assert.NotEqual(false, d.Pod().AutomountServiceAccountToken);
        });
    }

    private static string? FieldOf(IEnumerable<EnvironmentVariable> variables, string name) =>
        Assert.Single(variables, v => v.Name == name).Field?.FieldPath;
}
