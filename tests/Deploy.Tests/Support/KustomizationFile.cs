namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// deploy/k8s/kustomization.yaml, loaded strictly: a field not modelled here (a secretGenerator, patches,
/// ...) fails loading, so that whoever adds one also adds the checks it needs.
/// </summary>
internal sealed class KustomizationFile
{
    public string ApiVersion { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string? Namespace { get; set; }

    public List<string> Resources { get; set; } = [];

    public List<KustomizationImage> Images { get; set; } = [];

    public static KustomizationFile Load()
    {
        try
        {
            return KubernetesYaml.Deserialize<KustomizationFile>(RepoRoot.ReadText(DeployPaths.Kustomization), strict: true);
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new InvalidDataException(
                $"{DeployPaths.Kustomization} uses a field the deploy tests do not model (never a secretGenerator; " +
                $"anything else needs checks in KustomizationFile): {exception.Message} {exception.InnerException?.Message}", exception);
        }
    }
}
