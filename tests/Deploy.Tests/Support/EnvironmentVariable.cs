namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// One variable a container gets: a literal value, a Secret key reference or a downward-API field,
/// and where it is set (the Deployment's env, or a ConfigMap through envFrom).
/// </summary>
internal sealed record EnvironmentVariable(
    string Name, string? Value, V1SecretKeySelector? Secret, V1ObjectFieldSelector? Field, string Origin)
{
    public bool IsLiteral => Secret is null && Field is null;
}
