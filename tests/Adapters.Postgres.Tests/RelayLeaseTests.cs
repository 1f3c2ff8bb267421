using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests;

/// <summary>Two outboxes with their own connection pools, as two silos have.</summary>
public sealed class RelayLeaseTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private ServiceProvider _first = null!;
    private ServiceProvider _second = null!;

    private IChangeOutbox First => _first.GetRequiredService<IChangeOutbox>();

    private IChangeOutbox Second => _second.GetRequiredService<IChangeOutbox>();

    public Task InitializeAsync()
    {
        _first = fixture.Database.CreateServices();
        _second = fixture.Database.CreateServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task OnlyOneLeaseIsHeldAtATime()
    {
        await using var lease = await First.TryAcquireRelayLeaseAsync(CancellationToken.None);

        Assert.NotNull(lease);
        Assert.Null(await Second.TryAcquireRelayLeaseAsync(CancellationToken.None));
        Assert.Null(await First.TryAcquireRelayLeaseAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DisposingTheLeaseLetsAnotherOutboxTakeIt()
    {
        var lease = await First.TryAcquireRelayLeaseAsync(CancellationToken.None);
        Assert.NotNull(lease);

        await lease.DisposeAsync();

        await using var next = await Second.TryAcquireRelayLeaseAsync(CancellationToken.None);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task LosingTheLeaseConnectionReleasesTheLease()
    {
        var lease = await First.TryAcquireRelayLeaseAsync(CancellationToken.None);
        Assert.NotNull(lease);
        var holders = await fixture.Database.ColumnAsync<int>(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

        await fixture.Database.TerminateAsync(Assert.Single(holders));

        await using var next = await Second.TryAcquireRelayLeaseAsync(CancellationToken.None);
        Assert.NotNull(next);
        await lease.DisposeAsync();
    }
}
