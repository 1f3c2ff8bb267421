namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>A component with its Deployment (from the manifest files), its app and its container's environment.</summary>
internal sealed record ComponentContext(Component Component, V1Deployment Deployment, AppProject App, ContainerEnvironment Environment)
{
    public V1Container Container => Deployment.Container();

    public static ComponentContext For(string name)
    {
        var component = Component.Named(name);
        var deployment = ManifestSet.Files.DeploymentOf(component);
        return new ComponentContext(component, deployment, component.App, ContainerEnvironment.Of(deployment, ManifestSet.Files));
    }
}
