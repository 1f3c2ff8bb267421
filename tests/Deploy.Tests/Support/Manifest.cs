namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>One typed Kubernetes object and the file (or rendering) it came from.</summary>
internal sealed record Manifest(string Source, IKubernetesObject<V1ObjectMeta> Object)
{
    public string Kind => Object.Kind;

    public string Name => Object.Metadata.Name;

    public override string ToString() => $"{Kind} {Name} ({Source})";
}
