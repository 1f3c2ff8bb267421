namespace ConfigCluster.Deploy.Tests.Support;

internal static class DeployPaths
{
    public const string Readme = "deploy/README.md";
    public const string K8sDirectory = "deploy/k8s";
    public const string Kustomization = "deploy/k8s/kustomization.yaml";
    public const string SecretsExample = "deploy/k8s/secrets.example.env";
    public const string DockerIgnore = ".dockerignore";
    public const string Namespace = "configcluster";
    public const string SettingsConfigMap = "configcluster-settings";
    public const string SecretName = "configcluster-secrets";
}
