namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>The environment of a Deployment's container: its env entries and the ConfigMaps it imports with envFrom.</summary>
internal sealed class ContainerEnvironment
{
    private ContainerEnvironment(IReadOnlyList<EnvironmentVariable> variables) => Variables = variables;

    public IReadOnlyList<EnvironmentVariable> Variables { get; }

    public static ContainerEnvironment Of(V1Deployment deployment, ManifestSet manifests)
    {
        var container = deployment.Container();
        var variables = new List<EnvironmentVariable>();
        foreach (var source in container.EnvFrom ?? [])
        {
            Assert.True(source.SecretRef is null,
                $"Deployment {deployment.Name()} imports a Secret with envFrom: reference each secret key with secretKeyRef instead.");
            var map = manifests.Single<V1ConfigMap>(source.ConfigMapRef.Name);
            Assert.True(map.BinaryData is null or { Count: 0 }, $"ConfigMap {map.Name()} has binaryData, which envFrom cannot use.");
            variables.AddRange((map.Data ?? new Dictionary<string, string>()).Select(pair =>
                new EnvironmentVariable((source.Prefix ?? string.Empty) + pair.Key, pair.Value, null, null, $"ConfigMap {map.Name()}")));
        }

        foreach (var env in container.Env ?? [])
        {
            Assert.True(env.ValueFrom is null || env.ValueFrom.ConfigMapKeyRef is null && env.ValueFrom.ResourceFieldRef is null,
                $"Deployment {deployment.Name()}: {env.Name} uses a value source these tests do not check.");
            variables.Add(new EnvironmentVariable(
                env.Name, env.Value, env.ValueFrom?.SecretKeyRef, env.ValueFrom?.FieldRef, $"Deployment {deployment.Name()}"));
        }

        return new ContainerEnvironment(variables);
    }

    /// <summary>The literal value of a variable set exactly once; null when it is not set.</summary>
    public string? Literal(string name)
    {
        var matches = Variables.Where(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(matches.Count <= 1, $"{name} is set {matches.Count} times ({string.Join(", ", matches.Select(m => m.Origin))}).");
        Assert.True(matches.Count == 0 || matches[0].IsLiteral, $"{name} is expected as a literal value.");
        return matches.SingleOrDefault()?.Value;
    }

    /// <summary>
    /// The value the app sees for a configuration key such as <c>Cluster:SiloPort</c>: the environment
    /// variable <c>Cluster__SiloPort</c> when set, else the app's appsettings.json.
    /// </summary>
    public string? Setting(AppProject app, string configurationKey) =>
        Literal(configurationKey.Replace(":", "__", StringComparison.Ordinal)) ?? app.AppsettingsValue(configurationKey);
}
