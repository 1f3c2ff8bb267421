namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// A service-account token a pod's container can read: the automounted one (the API server's audience, no
/// <see cref="Audience"/>), or one projected into a volume with an audience and an expiry.
/// </summary>
internal sealed record ServiceAccountTokenFile(string Path, string? Audience, long? ExpirationSeconds)
{
    public const string AutomountedPath = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>The token files of a Deployment's container, given the ServiceAccount the pod runs as.</summary>
    public static IReadOnlyList<ServiceAccountTokenFile> Of(V1Deployment deployment, V1ServiceAccount account)
    {
        var pod = deployment.Pod();
        var files = new List<ServiceAccountTokenFile>();
        if (pod.AutomountServiceAccountToken ?? account.AutomountServiceAccountToken ?? true)
        {
            files.Add(new ServiceAccountTokenFile(AutomountedPath, null, null));
        }

        // A subPath mount is never refreshed by the kubelet, so a token mounted that way would expire in place.
        foreach (var mount in (deployment.Container().VolumeMounts ?? []).Where(m => string.IsNullOrEmpty(m.SubPath)))
        {
            var projections = pod.Volumes?.SingleOrDefault(v => v.Name == mount.Name)?.Projected?.Sources ?? [];
            files.AddRange(projections.Select(p => p.ServiceAccountToken).OfType<V1ServiceAccountTokenProjection>().Select(token =>
                new ServiceAccountTokenFile($"{mount.MountPath.TrimEnd('/')}/{token.Path}", token.Audience, token.ExpirationSeconds)));
        }

        return files;
    }
}
