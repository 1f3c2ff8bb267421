using System.Diagnostics;
using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// PostgreSQL or Vault frozen (connections held open, nothing answered, as with SIGSTOP or a stalled network):
/// writes answer a clear 503 within the dependency's own timeout, the first one after the freeze as fast as the
/// next, and plain values the service holds are still served (not one whose write's outcome is unknown: it may
/// no longer be current). Both are reached through freezable proxies.
/// </summary>
public sealed class FrozenDependencyTests(FrozenDependencyTests.ProxiedFixture fixture) : IClassFixture<FrozenDependencyTests.ProxiedFixture>
{
    /// <summary>
    /// Postgres:CommandTimeout and Vault:Timeout (5 s each by default), plus a loaded machine's scheduling: on two
    /// cores running the other test classes beside this one a write has answered 1.8 s past its budget. Still far
    /// under what a wait without a budget lasts (15 s to connect, then the command's own 30 s).
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task WritesAnswer503WithinTheCommandTimeoutWhilePostgresIsFrozenAndReadsGoOn()
    {
        await fixture.Http.CreateAsync("pgfrozen", "svc", "plain", "before");
        await (await fixture.Http.ReadAsync("pgfrozen", "svc", "plain")).ValueAsync();

        fixture.PostgresProxy.Freeze();
        var (first, firstTook) = await TimedAsync(() => fixture.Http.UpdateAsync("pgfrozen", "svc", "plain", "after"));
        var (second, secondTook) = await TimedAsync(() => fixture.Http.CreateAsync("pgfrozen", "svc", "other", "v"));
        var read = await fixture.Http.ReadAsync("pgfrozen", "svc", "plain");
        fixture.PostgresProxy.Thaw();

        await AssertUnavailableAsync(first, "dependency_unavailable");
        await AssertUnavailableAsync(second, "dependency_unavailable");
        Assert.True(firstTook <= Bound && secondTook <= Bound, $"writes answered after {firstTook.TotalSeconds:F1} s and {secondTook.TotalSeconds:F1} s");
        Assert.True(firstTook <= secondTook + TimeSpan.FromSeconds(1), $"the first write took {firstTook.TotalSeconds:F1} s, the next {secondTook.TotalSeconds:F1} s");
        Assert.Equal(("before", 1L), await read.ValueAsync());
        var after = await Eventually.ReachesAsync(() => fixture.Http.UpdateAsync("pgfrozen", "svc", "plain", "after"),
            r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "writes once PostgreSQL answers again");
        Assert.Equal(("after", 2L), await after.ValueAsync());
    }

    [Fact]
    public async Task WritesAnswer503WithinTheVaultTimeoutWhileVaultIsFrozenAndHeldPlainValuesAreServed()
    {
        await fixture.Http.CreateAsync("vaultfrozen", "svc", "written", "before");
        await fixture.Http.CreateAsync("vaultfrozen", "svc", "held", "kept");
        await (await fixture.Http.ReadAsync("vaultfrozen", "svc", "held")).ValueAsync();

        fixture.VaultProxy.Freeze();
        var (first, firstTook) = await TimedAsync(() => fixture.Http.UpdateAsync("vaultfrozen", "svc", "written", "after"));
        var (second, secondTook) = await TimedAsync(() => fixture.Http.CreateAsync("vaultfrozen", "svc", "other", "v"));
        var read = await fixture.Http.ReadAsync("vaultfrozen", "svc", "held");
        fixture.VaultProxy.Thaw();

        await AssertUnavailableAsync(first, "outcome_unknown");
        await AssertUnavailableAsync(second, "outcome_unknown");
        Assert.True(firstTook <= Bound && secondTook <= Bound, $"writes answered after {firstTook.TotalSeconds:F1} s and {secondTook.TotalSeconds:F1} s");
        Assert.True(firstTook <= secondTook + TimeSpan.FromSeconds(1), $"the first write took {firstTook.TotalSeconds:F1} s, the next {secondTook.TotalSeconds:F1} s");
        Assert.Equal(("kept", 1L), await read.ValueAsync());
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await send();
        return (response, Stopwatch.GetElapsedTime(started));
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>The system with PostgreSQL and Vault each behind a freezable proxy, at their default timeouts.</summary>
    public sealed class ProxiedFixture : SystemFixture
    {
        public TcpProxy PostgresProxy { get; private set; } = null!;

        public TcpProxy VaultProxy { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            VaultProxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, VaultOptions.Port));
            var postgres = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres);
            PostgresProxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, postgres.Port));
            await base.InitializeAsync();
        }

        protected override IEnumerable<string> ExtraArgs =>
        [
            $"--VAULT_ADDR=http://127.0.0.1:{VaultProxy.Port}",
            $"--ConnectionStrings:Postgres={new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Port = PostgresProxy.Port }}",
        ];

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await PostgresProxy.DisposeAsync();
            await VaultProxy.DisposeAsync();
        }
    }
}
