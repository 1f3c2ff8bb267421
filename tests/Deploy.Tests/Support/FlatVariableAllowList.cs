using Orleans.Hosting.Kubernetes;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// The environment variables the manifests may set although they are not <c>Section__Key</c> options or
/// <c>ConnectionStrings__Name</c>, each with who reads it and why it is set. Every entry is itself checked
/// against the app (EnvironmentVariableTests).
/// </summary>
internal static class FlatVariableAllowList
{
    public static IReadOnlyList<FlatVariable> Entries { get; } =
    [
        new("VAULT_ADDR", false, FlatVariableReader.AppSource,
            "Vault's address; VaultOptionsSetup reads it and it wins over Vault:Address (decision 14)."),
        new("VAULT_MOUNT_POINT", false, FlatVariableReader.AppSource,
            "The KV mount, read by VaultOptionsSetup (decision 14)."),
        new("VAULT_KV_VERSION", false, FlatVariableReader.AppSource,
            "1 or 2, read by VaultOptionsSetup (decision 14)."),
        new("VAULT_NAMESPACE", false, FlatVariableReader.AppSource,
            "Vault Enterprise namespace, read by VaultOptionsSetup."),
        new("VAULT_AUTH_METHOD", false, FlatVariableReader.AppSource,
            "How the silos get a Vault token (token, approle, kubernetes), read by VaultOptionsSetup; the manifests log in with kubernetes."),
        new("VAULT_AUTH_MOUNT", false, FlatVariableReader.AppSource,
            "Where Vault's auth method is enabled, read by VaultOptionsSetup."),
        new("VAULT_KUBERNETES_ROLE", false, FlatVariableReader.AppSource,
            "The Vault role of the Kubernetes login, read by VaultOptionsSetup; deploy/README.md writes that role."),
        new("VAULT_KUBERNETES_JWT_FILE", false, FlatVariableReader.AppSource,
            "The service-account token the Kubernetes login sends, read by VaultOptionsSetup; the projected token the Deployments mount."),
        new("KAFKA_BOOTSTRAP_SERVERS", false, FlatVariableReader.AppSource,
            "Kafka brokers, read by KafkaOptionsSetup. Alone it does not turn the publisher on (SideEffectRegistration " +
            "looks at ConnectionStrings:Kafka and Kafka:BootstrapServers), so the manifests use ConnectionStrings__Kafka."),
        new(KubernetesHostingOptions.PodNameEnvironmentVariable, false, FlatVariableReader.OrleansKubernetesHosting,
            "Downward API metadata.name: the silo's name, which Orleans' Kubernetes hosting matches to its pod."),
        new(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, false, FlatVariableReader.OrleansKubernetesHosting,
            "Downward API metadata.namespace: where Orleans' Kubernetes hosting lists and watches the cluster's pods."),
        new(KubernetesHostingOptions.PodIPEnvironmentVariable, false, FlatVariableReader.OrleansKubernetesHosting,
            "Downward API status.podIP: the address the silo advertises to the other silos."),
        new(KubernetesHostingOptions.ServiceIdEnvironmentVariable, false, FlatVariableReader.OrleansKubernetesHosting,
            "Overrides ClusterOptions.ServiceId in Kubernetes; must equal the pod label orleans/serviceId."),
        new(KubernetesHostingOptions.ClusterIdEnvironmentVariable, false, FlatVariableReader.OrleansKubernetesHosting,
            "Overrides ClusterOptions.ClusterId in Kubernetes; must equal the pod label orleans/clusterId."),
        new("ASPNETCORE_", true, FlatVariableReader.AspNetCoreHost,
            "ASP.NET Core host settings (ASPNETCORE_ENVIRONMENT, ASPNETCORE_URLS, ...), read by WebApplication.CreateBuilder."),
        new("DOTNET_", true, FlatVariableReader.DotNetHost,
            "Runtime and host settings (DOTNET_gcServer, DOTNET_ENVIRONMENT, ...), read by the .NET runtime and the host builder."),
    ];

    public static FlatVariable? Find(string variable) => Entries.FirstOrDefault(e => e.Covers(variable));
}
