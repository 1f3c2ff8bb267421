namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>One entry of a kustomization's <c>images</c>.</summary>
internal sealed class KustomizationImage
{
    public string Name { get; set; } = string.Empty;

    public string? NewName { get; set; }

    public string? NewTag { get; set; }
}
