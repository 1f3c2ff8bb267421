using ConfigCluster.Adapters.Postgres.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task RunnersStartingTogetherApplyEachMigrationExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var runners = dataSources.Select(source => new MigrationRunner(source, NullLogger<MigrationRunner>.Instance)).ToList();

            var applied = await Task.WhenAll(runners.Select(runner => runner.ApplyAsync(CancellationToken.None)));

            Assert.Equal(MigrationCatalog.All.Count, applied.Sum());
            Assert.Equal(MigrationCatalog.All.Select(m => m.Version), await database.ColumnAsync<int>("SELECT version FROM schema_migrations ORDER BY version"));
            Assert.Equal(MigrationCatalog.All.Select(m => m.Name), await database.ColumnAsync<string>("SELECT name FROM schema_migrations ORDER BY version"));
        }
        finally
        {
            foreach (var source in dataSources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ApplyingAgainAppliesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);

        var first = await database.MigrateAsync();
        var second = await database.MigrateAsync();

        Assert.Equal((MigrationCatalog.All.Count, 0), (first, second));
    }

    [Fact]
    public void TheEmbeddedMigrationsAreNumberedFromOneWithoutGaps()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Equal(["change_log", "orleans_clustering"], MigrationCatalog.All.Take(2).Select(m => m.Name));
    }
}
