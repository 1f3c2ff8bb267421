using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Grains.Registry;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Tests.Registry;

public sealed class RegistrationRulesTests
{
    private static readonly RegistrationRules Rules = new(
        new CheckTargetGuard(Options.Create(new RegistryOptions())), Options.Create(new RegistryOptions()));

    private static InstanceRegistration Http(string path, string address = "10.1.2.3", string scheme = "http") =>
        new(address, 8080, scheme, new Dictionary<string, string>(), [], 1,
            new RegistryCheck(RegistryCheckType.Http, Path: path, Interval: TimeSpan.FromSeconds(5), Timeout: TimeSpan.FromSeconds(2)),
            TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData("/health")]
    [InlineData("/health?deep=1")]
    [InlineData("/a/b/../c")]
    [InlineData("/%2F%2Fother")]
    public async Task APathOnTheInstanceItselfIsAccepted(string path) =>
        Assert.Empty(await Rules.CheckAsync(Http(path), CancellationToken.None));

    [Theory]
    [InlineData("health")]
    [InlineData("//169.254.169.254/latest")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("/\\169.254.169.254")]
    [InlineData("/health#x")]
    [InlineData("/he alth")]
    public async Task APathThatCouldLeaveTheInstanceIsRefused(string path)
    {
        var problems = await Rules.CheckAsync(Http(path), CancellationToken.None);

        Assert.Equal(["check.path"], problems.Select(p => p.Field));
    }

    [Fact]
    public async Task TheGuardIsAskedForHttpChecksButNotForTtlChecks()
    {
        var http = await Rules.CheckAsync(Http("/health", address: "169.254.169.254"), CancellationToken.None);
        var ttl = await Rules.CheckAsync(Http("/health", address: "169.254.169.254") with
        {
            Check = new RegistryCheck(RegistryCheckType.Ttl, Ttl: TimeSpan.FromSeconds(15)),
        }, CancellationToken.None);

        Assert.Equal(["address"], http.Select(p => p.Field));
        Assert.Empty(ttl);
    }

    [Fact]
    public async Task LimitsAreCheckedFieldByField()
    {
        var registration = Http("/health") with
        {
            Port = 0,
            Weight = -1,
            Tags = ["a", "a"],
            Metadata = new Dictionary<string, string> { [""] = "x" },
            DeregisterCriticalAfter = TimeSpan.FromMilliseconds(10),
            Check = new RegistryCheck(RegistryCheckType.Http, Path: "/h", Interval: TimeSpan.FromMilliseconds(10), Timeout: TimeSpan.FromMinutes(1),
                SuccessBeforePassing: 0),
        };

        var problems = await Rules.CheckAsync(registration, CancellationToken.None);

        Assert.Equal(
            ["check.interval", "check.success_before_passing", "check.timeout", "deregister_critical_after", "metadata", "port", "tags", "weight"],
            problems.Select(p => p.Field).Distinct().Order(StringComparer.Ordinal));
    }
}
