using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests;

/// <summary>
/// <c>WaitForCommitAsync</c>: each test has its own outbox (and listener connection). The first wait of an
/// outbox returns at once (it could not have heard earlier commits), so each test makes it first.
/// </summary>
public sealed class CommitWaitTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WellBeforeLong = TimeSpan.FromSeconds(15);
    private ServiceProvider _services = null!;

    private IChangeLog Log => _services.GetRequiredService<IChangeLog>();

    private IChangeOutbox Outbox => _services.GetRequiredService<IChangeOutbox>();

    public async Task InitializeAsync()
    {
        _services = fixture.Database.CreateServices();
        await AssertCompletesSoonAsync(Outbox.WaitForCommitAsync(Long, CancellationToken.None));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AWaitWakesOnACommitLongBeforeItsTimeout()
    {
        var ticket = await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));
        var waiting = Outbox.WaitForCommitAsync(Long, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await Log.CommitAsync(ticket, 2, Changes.At, CancellationToken.None);

        await AssertCompletesSoonAsync(waiting);
    }

    [Fact]
    public async Task AWaitHearsACommitMadeWhileNobodyWaited()
    {
        await Log.CommittedAsync(Changes.Record(Changes.NewAddress()));

        await AssertCompletesSoonAsync(Outbox.WaitForCommitAsync(Long, CancellationToken.None));
    }

    [Fact]
    public async Task AWaitIgnoresBeginsAndAbortsAndEndsAtItsTimeout()
    {
        await Log.AbortedAsync(Changes.Record(Changes.NewAddress()));
        var timeout = TimeSpan.FromMilliseconds(500);
        var started = TimeProvider.System.GetTimestamp();

        await Outbox.WaitForCommitAsync(timeout, CancellationToken.None);

        Assert.InRange(TimeProvider.System.GetElapsedTime(started), timeout * 0.9, WellBeforeLong);
    }

    [Fact]
    public async Task AWaitAfterATimedOutWaitStillWakesOnACommit()
    {
        await Outbox.WaitForCommitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        var ticket = await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));
        var waiting = Outbox.WaitForCommitAsync(Long, CancellationToken.None);

        await Log.CommitAsync(ticket, 2, Changes.At, CancellationToken.None);

        await AssertCompletesSoonAsync(waiting);
    }

    [Fact]
    public async Task AWaitWhoseConnectionIsKilledReturnsQuietlyAndTheNextWaitsListenAgain()
    {
        var listeners = await fixture.Database.ColumnAsync<int>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN config_changes'");
        await fixture.Database.TerminateAsync(Assert.Single(listeners));

        await AssertCompletesSoonAsync(Outbox.WaitForCommitAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        await AssertCompletesSoonAsync(Outbox.WaitForCommitAsync(Long, CancellationToken.None));
        var ticket = await Log.BeginOkAsync(Changes.Record(Changes.NewAddress()));
        var waiting = Outbox.WaitForCommitAsync(Long, CancellationToken.None);
        await Log.CommitAsync(ticket, 2, Changes.At, CancellationToken.None);

        await AssertCompletesSoonAsync(waiting);
    }

    private static async Task AssertCompletesSoonAsync(Task wait)
    {
        var first = await Task.WhenAny(wait, Task.Delay(WellBeforeLong));
        Assert.Same(wait, first);
        await wait;
    }
}
