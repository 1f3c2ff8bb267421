namespace ConfigCluster.EndToEnd.Tests.Registry;

/// <summary>
/// The whole service, with health checks allowed to reach loopback (as ./run.sh allows them) so that they reach the
/// endpoints the tests start, and short check intervals.
/// </summary>
public sealed class RegistryFixture : SystemFixture
{
    protected override IEnumerable<string> ExtraArgs =>
    [
        "--Registry:AllowedCheckNetworks:0=127.0.0.0/8",
        "--Registry:MinCheckInterval=00:00:00.1",
    ];
}

/// <summary>The whole service with the check guard's defaults: loopback, link-local and 0.0.0.0/8 refused.</summary>
public sealed class GuardedRegistryFixture : SystemFixture;
