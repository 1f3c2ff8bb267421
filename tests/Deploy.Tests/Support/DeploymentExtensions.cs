namespace ConfigCluster.Deploy.Tests.Support;

internal static class DeploymentExtensions
{
    public static V1PodSpec Pod(this V1Deployment deployment) => deployment.Spec.Template.Spec;

    public static IDictionary<string, string> TemplateLabels(this V1Deployment deployment) =>
        deployment.Spec.Template.Metadata?.Labels ?? new Dictionary<string, string>();

    /// <summary>The app container: ConfigCluster pods run exactly one.</summary>
    public static V1Container Container(this V1Deployment deployment)
    {
        var containers = deployment.Pod().Containers;
        Assert.True(containers is { Count: 1 }, $"Deployment {deployment.Name()} must run exactly one container.");
        return containers[0];
    }

    /// <summary>The container port with the given name; fails when there is none.</summary>
    public static int Port(this V1Deployment deployment, string name)
    {
        var port = deployment.Container().Ports?.SingleOrDefault(p => p.Name == name);
        Assert.True(port is not null, $"Deployment {deployment.Name()} has no container port named '{name}'.");
        return port.ContainerPort;
    }

    public static bool Matches(this V1LabelSelector selector, IDictionary<string, string> labels)
    {
        Assert.True(selector.MatchExpressions is null or { Count: 0 }, "Selectors here use matchLabels only.");
        return selector.MatchLabels is { Count: > 0 } && Selects(selector.MatchLabels, labels);
    }

    /// <summary>True when every pair of <paramref name="selector"/> is among <paramref name="labels"/> (an empty selector selects all).</summary>
    public static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string> labels) =>
        (selector ?? new Dictionary<string, string>()).All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
