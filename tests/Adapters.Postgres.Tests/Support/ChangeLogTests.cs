using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>
/// The layout of the change-log test classes: each test gets the adapter's services on the class's
/// migrated database (<see cref="Database"/>), disposed after it.
/// </summary>
public abstract class ChangeLogTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    protected TestDatabase Database => fixture.Database;

    protected ServiceProvider Services { get; private set; } = null!;

    protected IChangeLog Log => Services.GetRequiredService<IChangeLog>();

    public virtual Task InitializeAsync()
    {
        Services = fixture.Database.CreateServices();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();
}
