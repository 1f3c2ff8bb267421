using ConfigCluster.Adapters.Postgres.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class MigrationHostedServiceTests
{
    [Fact]
    public async Task StartingTheHostAppliesTheMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        using var host = BuildHost(database.ConnectionString);

        await host.StartAsync();

        Assert.Equal(MigrationCatalog.All.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        await host.StopAsync();
    }

    [Fact]
    public async Task StartFailsWithAClearMessageWhenPostgresStaysUnreachable()
    {
        var connectionString = UnreachablePostgres.ClosedPort();
        using var host = BuildHost(connectionString, ("Postgres:StartupTimeout", "00:00:01"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("is unreachable after", failure.Message);
        Assert.Contains($"127.0.0.1:{new Uri(connectionString).Port}/configcluster", failure.Message);
        Assert.DoesNotContain(UnreachablePostgres.Password, failure.Message);
    }

    [Fact]
    public async Task StartFailsAtOnceWhenTheDatabaseDoesNotExist()
    {
        var missing = new NpgsqlConnectionStringBuilder(TestPostgres.Admin().ConnectionString) { Database = $"missing_{Guid.NewGuid():N}" };
        using var host = BuildHost(missing.ConnectionString, ("Postgres:StartupTimeout", "00:01:00"));
        var started = TimeProvider.System.GetTimestamp();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("3D000", failure.Message);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task StartLeavesTheSchemaAloneWhenMigrationsAtStartAreOff()
    {
        using var host = BuildHost(UnreachablePostgres.ClosedPort(), ("Postgres:ApplyMigrationsAtStart", "false"));

        await host.StartAsync();

        await host.StopAsync();
    }

    private static IHost BuildHost(string connectionString, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(
            settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Append(KeyValuePair.Create("ConnectionStrings:Postgres", (string?)connectionString)));
        builder.Services.AddPostgresChangeLog();
        return builder.Build();
    }
}
