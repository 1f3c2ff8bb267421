namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// The kinds deploy/k8s may contain, each with its typed model. Anything else fails loading: a new kind
/// is added here together with the checks it needs.
/// </summary>
internal static class ManifestKinds
{
    public static IReadOnlyDictionary<string, Type> Types { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["rbac.authorization.k8s.io/v1/Role"] = typeof(V1Role),
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = typeof(V1RoleBinding),
        ["v1/ConfigMap"] = typeof(V1ConfigMap),
        // Known so that a Secret is reported as a secret (SecretTests), not as an unknown kind.
        ["v1/Secret"] = typeof(V1Secret),
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["v1/Service"] = typeof(V1Service),
        ["policy/v1/PodDisruptionBudget"] = typeof(V1PodDisruptionBudget),
        ["networking.k8s.io/v1/NetworkPolicy"] = typeof(V1NetworkPolicy),
    };
}
