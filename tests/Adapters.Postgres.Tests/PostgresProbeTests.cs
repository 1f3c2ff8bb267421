using ConfigCluster.Grains.Interfaces.Status;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresProbeTests
{
    [Fact]
    public async Task TheProbeSaysUpWithTheSchemaVersionOnceMigrated()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: true);
        await using var services = database.CreateServices();
        var latest = services.GetRequiredService<MigrationRunner>().KnownVersions[^1];

        var status = await services.GetRequiredService<IDependencyProbe>().ProbeAsync(CancellationToken.None);

        Assert.Equal(new DependencyStatus("postgresql", DependencyState.Up, $"schema version {latest}"), status);
    }

    [Fact]
    public async Task TheProbeSaysDownWhenNoMigrationRan()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var services = database.CreateServices();

        var status = await services.GetRequiredService<IDependencyProbe>().ProbeAsync(CancellationToken.None);

        Assert.Equal(DependencyState.Down, status.State);
        Assert.Contains("migrations have not run", status.Detail);
    }
}
