namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>
/// The actions allowed on the configs of one environment and service; either may be <see cref="Any"/>.
/// An <see cref="AccessActions.Admin"/> grant allows every action on what it covers.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.Grant")]
public sealed record Grant(
    [property: Id(0)] string Environment,
    [property: Id(1)] string ServiceName,
    [property: Id(2)] AccessActions Actions)
{
    public const string Any = "*";

    /// <summary>Everything, everywhere: the bootstrap key's grant and an anonymous admin's.</summary>
    public static readonly Grant Everything = new(Any, Any, AccessActions.Admin);

    /// <summary>The actions this grant allows, with Admin expanded to all of them.</summary>
    public AccessActions Effective =>
        Actions.HasFlag(AccessActions.Admin)
            ? AccessActions.Read | AccessActions.Reveal | AccessActions.Write | AccessActions.Admin
            : Actions;

    public bool Covers(string environment, string serviceName) =>
        (Environment == Any || Environment == environment) && (ServiceName == Any || ServiceName == serviceName);

    public bool Covers(ReadOnlySpan<char> environment, ReadOnlySpan<char> serviceName) =>
        (Environment == Any || environment.SequenceEqual(Environment)) && (ServiceName == Any || serviceName.SequenceEqual(ServiceName));

    public bool CoversEnvironment(string environment) => Environment == Any || Environment == environment;

    public override string ToString() => $"{Environment}/{ServiceName}: {Actions}";
}
