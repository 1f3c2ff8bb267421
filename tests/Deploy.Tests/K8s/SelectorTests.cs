namespace ConfigCluster.Deploy.Tests.K8s;

/// <summary>Labels and selectors line up: each Deployment owns its pods alone, and a disruption budget keeps one of each.</summary>
public sealed class SelectorTests
{
    private const string NameLabel = "app.kubernetes.io/name";

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void DeploymentAndItsPodsCarryTheNameAndComponentLabels(string component)
    {
        var deployment = ComponentContext.For(component).Deployment;

        Assert.All(new[] { deployment.Metadata.Labels, deployment.TemplateLabels() }, labels =>
        {
            Assert.Equal("configcluster", labels[NameLabel]);
            Assert.Equal(component, labels[Component.Label]);
        });
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void DeploymentSelectsItsOwnPodsAndNoOtherDeployments(string component)
    {
        var deployment = ComponentContext.For(component).Deployment;

        var selected = ManifestSet.Files.Deployments.Where(d => deployment.Spec.Selector.Matches(d.TemplateLabels()));

        Assert.Equal(deployment.Name(), Assert.Single(selected).Name());
    }

    [Theory]
    [MemberData(nameof(Component.Names), MemberType = typeof(Component))]
    public void DisruptionBudgetKeepsAtLeastOnePodOfTheDeployment(string component)
    {
        var deployment = ComponentContext.For(component).Deployment;

        var budget = Assert.Single(ManifestSet.Files.DisruptionBudgets, b => b.Spec.Selector.Matches(deployment.TemplateLabels()));

        Assert.Equal("1", budget.Spec.MinAvailable?.Value);
        Assert.True(deployment.Spec.Replicas > 1, $"{deployment.Name()} must run more replicas than its budget keeps, or a drain blocks.");
    }

    [Fact]
    public void EveryDisruptionBudgetCoversOneDeployment()
    {
        Assert.All(ManifestSet.Files.DisruptionBudgets, budget =>
            Assert.Single(ManifestSet.Files.Deployments, d => budget.Spec.Selector.Matches(d.TemplateLabels())));
    }
}
