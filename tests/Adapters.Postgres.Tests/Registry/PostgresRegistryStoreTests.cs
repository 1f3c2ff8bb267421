using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests.Registry;

/// <summary>Each registry write changes one instance, moves its service's index, writes its audit row and announces it.</summary>
public sealed class PostgresRegistryStoreTests(MigratedDatabase fixture) : ChangeLogTests(fixture)
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private IRegistryStore Store => Services.GetRequiredService<IRegistryStore>();

    [Fact]
    public async Task ARegistrationRoundTripsEveryFieldAndTakesTheNextIndex()
    {
        var environment = NewEnvironment();
        var instance = Instance(environment, "api", "i-1") with
        {
            Registration = Registration() with
            {
                Metadata = new Dictionary<string, string> { ["version"] = "1.4", ["zone"] = "b" },
                Tags = ["blue", "canary"],
                Check = new RegistryCheck(RegistryCheckType.Http, Path: "/health", Interval: TimeSpan.FromSeconds(5),
                    Timeout: TimeSpan.FromMilliseconds(1500), ExpectedStatuses: [200, 204], FailuresBeforeCritical: 3),
            },
        };

        var first = await Store.WriteAsync(Write(RegistryWriteKind.Register, instance), CancellationToken.None);
        var second = await Store.WriteAsync(Write(RegistryWriteKind.Register, Instance(environment, "api", "i-2")), CancellationToken.None);
        var read = await Store.ReadAsync(environment, "api", "i-1", CancellationToken.None);

        Assert.True(first.Created);
        Assert.True(second.Instance!.Index > first.Instance!.Index);
        Assert.Equal(first.Instance, read.Value);
        Assert.Equal(instance.Registration, read.Value!.Registration);
        Assert.Equal(instance with { Index = first.Instance.Index }, read.Value);
    }

    [Fact]
    public async Task AListReadsEachServiceWithItsIndexAndKeepsTheIndexOfAServiceWhoseLastInstanceIsGone()
    {
        var environment = NewEnvironment();
        await Store.WriteAsync(Write(RegistryWriteKind.Register, Instance(environment, "api", "b")), CancellationToken.None);
        await Store.WriteAsync(Write(RegistryWriteKind.Register, Instance(environment, "api", "a")), CancellationToken.None);
        var web = await Store.WriteAsync(Write(RegistryWriteKind.Register, Instance(environment, "web", "w")), CancellationToken.None);
        var removed = await Store.WriteAsync(Write(RegistryWriteKind.Deregister, web.Instance!), CancellationToken.None);

        var all = (await Store.ListAsync(environment, null, CancellationToken.None)).Value!;
        var api = (await Store.ListAsync(environment, "api", CancellationToken.None)).Value!;

        Assert.Equal(["api/a", "api/b"], all.Instances.Select(i => $"{i.Service}/{i.InstanceId}"));
        Assert.Equal(removed.Instance!.Index, all.ServiceIndexes["web"]);
        Assert.Equal(all.Instances.Max(i => i.Index), all.ServiceIndexes["api"]);
        Assert.Equal(["a", "b"], api.Instances.Select(i => i.InstanceId));
        Assert.Equal(["api"], api.ServiceIndexes.Keys);
    }

    [Fact]
    public async Task EveryWriteIsAuditedAsAnInstanceWithoutItsMetadataValues()
    {
        var environment = NewEnvironment();
        var instance = Instance(environment, "api", "i-1") with
        {
            Registration = Registration() with { Metadata = new Dictionary<string, string> { ["owner"] = "metadata-canary-5c1e" } },
        };
        var registered = await Store.WriteAsync(Write(RegistryWriteKind.Register, instance), CancellationToken.None);
        var critical = registered.Instance! with { Status = InstanceStatus.Critical, Output = "output-canary-77ad" };
        var changed = await Store.WriteAsync(Write(RegistryWriteKind.Status, critical, InstanceStatus.Passing), CancellationToken.None);
        await Store.WriteAsync(Write(RegistryWriteKind.Expire, changed.Instance!), CancellationToken.None);

        var rows = await Database.ColumnAsync<string>(
            "SELECT action || ' ' || entity || ' ' || service_name || '/' || key || ' ' || (details->>'reason') || ' ' || (details->>'status') " +
            "FROM config_changes WHERE environment = @environment ORDER BY id", new NpgsqlParameter("environment", environment));
        var details = await Database.ColumnAsync<string>(
            "SELECT details::text FROM config_changes WHERE environment = @environment", new NpgsqlParameter("environment", environment));

        Assert.Equal(["created instance api/i-1 registered passing", "updated instance api/i-1 status critical", "deleted instance api/i-1 expired critical"], rows);
        Assert.DoesNotContain(details, d => d.Contains("canary", StringComparison.Ordinal));
        Assert.Null((await Store.ReadAsync(environment, "api", "i-1", CancellationToken.None)).Value);
    }

    [Fact]
    public async Task AStatusChangeOrRemovalOfAnInstanceNotRegisteredChangesNothing()
    {
        var environment = NewEnvironment();

        var status = await Store.WriteAsync(Write(RegistryWriteKind.Status, Instance(environment, "api", "ghost")), CancellationToken.None);
        var removal = await Store.WriteAsync(Write(RegistryWriteKind.Deregister, Instance(environment, "api", "ghost")), CancellationToken.None);

        Assert.Equal(RegistryWriteOutcome.NotFound, status.Outcome);
        Assert.Equal(RegistryWriteOutcome.NotFound, removal.Outcome);
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT count(*) FROM config_changes WHERE environment = @e", new NpgsqlParameter("e", environment)));
    }

    [Fact]
    public async Task AFollowerHearsTheServiceOfEveryWrite()
    {
        using var stop = new CancellationTokenSource();
        var environment = NewEnvironment();
        var heard = new TaskCompletionSource();
        var resynced = new TaskCompletionSource();
        var following = Store.FollowChangesAsync(
            (env, service) =>
            {
                if (env == environment && service == "api")
                {
                    heard.TrySetResult();
                }

                return Task.CompletedTask;
            },
            () =>
            {
                resynced.TrySetResult();
                return Task.CompletedTask;
            },
            stop.Token);
        await resynced.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await Store.WriteAsync(Write(RegistryWriteKind.Register, Instance(environment, "api", "i-1")), CancellationToken.None);

        await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await following;
    }

    private static string NewEnvironment() => $"env-{Guid.NewGuid():N}";

    private static InstanceRegistration Registration() =>
        new("10.1.2.3", 8080, "http", new Dictionary<string, string>(), [], 1, new RegistryCheck(RegistryCheckType.Ttl, Ttl: TimeSpan.FromSeconds(15)),
            TimeSpan.FromMinutes(1));

    private static RegistryInstance Instance(string environment, string service, string id) =>
        new(environment, service, id, Registration(), InstanceStatus.Passing, "registered", At, At, At, 0);

    private static RegistryWrite Write(RegistryWriteKind kind, RegistryInstance instance, InstanceStatus? oldStatus = null) =>
        new(kind, instance, Guid.NewGuid(), "key:ci", "req-1", At, oldStatus);
}
