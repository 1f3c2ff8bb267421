using ConfigCluster.Grains.Interfaces.Status;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class UnreachablePostgresTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ALittle = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task BeginAnswersUnavailableWithinTheCommandTimeoutWhenNothingListens()
    {
        await using var services = Services(UnreachablePostgres.ClosedPort());

        var (begun, elapsed) = await TimedBeginAsync(services);

        Assert.Equal(StoreOutcome.Unavailable, begun.Outcome);
        Assert.DoesNotContain(UnreachablePostgres.Password, begun.Detail);
        Assert.True(elapsed < CommandTimeout + ALittle, $"took {elapsed}");
    }

    [Fact]
    public async Task BeginAnswersUnavailableWithinTheCommandTimeoutWhenTheServerNeverAnswers()
    {
        using var silent = new SilentServer();
        await using var services = Services(silent.ConnectionString);

        var (begun, elapsed) = await TimedBeginAsync(services);

        Assert.Equal(StoreOutcome.Unavailable, begun.Outcome);
        Assert.True(elapsed < CommandTimeout + ALittle, $"took {elapsed}");
    }

    [Fact]
    public async Task EveryChangeLogCallAnswersUnavailable()
    {
        await using var services = Services(UnreachablePostgres.ClosedPort());
        var log = services.GetRequiredService<IChangeLog>();
        var ticket = new ChangeTicket(1, Guid.NewGuid());
        var address = Changes.NewAddress();

        Assert.Equal(StoreOutcome.Unavailable, (await log.CommitAsync(ticket, 2, Changes.At, CancellationToken.None)).Outcome);
        Assert.Equal(StoreOutcome.Unavailable, (await log.AbortAsync(ticket, CancellationToken.None)).Outcome);
        Assert.Equal(StoreOutcome.Unavailable, (await log.LatestChangeIdAsync(address, CancellationToken.None)).Outcome);
        Assert.Equal(StoreOutcome.Unavailable, (await log.ReadHistoryAsync(address, 10, 0, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task TheProbeSaysDown()
    {
        await using var services = Services(UnreachablePostgres.ClosedPort());
        var probe = Assert.Single(services.GetServices<IDependencyProbe>());

        var status = await probe.ProbeAsync(CancellationToken.None);

        Assert.Equal(("postgresql", DependencyState.Down), (status.Name, status.State));
        Assert.DoesNotContain(UnreachablePostgres.Password, status.Detail);
    }

    [Fact]
    public async Task TheOutboxNeverThrowsAndReadsNothing()
    {
        await using var services = Services(UnreachablePostgres.ClosedPort());
        var outbox = services.GetRequiredService<IChangeOutbox>();

        Assert.Empty(await outbox.ReadUnpublishedAsync(10, CancellationToken.None));
        Assert.Empty(await outbox.ReadStalePendingAsync(TimeSpan.Zero, 10, CancellationToken.None));
        await outbox.MarkPublishedAsync([1, 2], CancellationToken.None);
        Assert.Null(await outbox.TryAcquireRelayLeaseAsync(CancellationToken.None));
        await outbox.WaitForCommitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
    }

    private static ServiceProvider Services(string connectionString) =>
        TestDatabase.Services(connectionString, new Dictionary<string, string?> { ["Postgres:CommandTimeout"] = CommandTimeout.ToString() });

    private static async Task<(StoreResult<ChangeTicket> Result, TimeSpan Elapsed)> TimedBeginAsync(ServiceProvider services)
    {
        var log = services.GetRequiredService<IChangeLog>();
        var started = TimeProvider.System.GetTimestamp();
        var begun = await log.BeginAsync(Changes.Record(Changes.NewAddress()), CancellationToken.None);
        return (begun, TimeProvider.System.GetElapsedTime(started));
    }
}
