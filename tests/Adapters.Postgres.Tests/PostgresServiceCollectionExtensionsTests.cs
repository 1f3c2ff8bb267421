using ConfigCluster.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ThePostgresChangeLogReplacesTheGrainsFallbackWhicheverIsRegisteredFirst(bool grainsFirst)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(Configuration("Host=h"));
        if (grainsFirst)
        {
            services.AddConfigGrains().AddPostgresChangeLog();
        }
        else
        {
            services.AddPostgresChangeLog().AddConfigGrains();
        }

        await using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgresChangeLog>(provider.GetRequiredService<IChangeLog>());
        Assert.Single(services, d => d.ServiceType == typeof(IChangeLog));
    }

    [Fact]
    public async Task CallingItTwiceRegistersOneOfEachAndSharesOneDataSource()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(Configuration("Host=h"));
        services.AddPostgresChangeLog().AddPostgresChangeLog();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgresProbe>(Assert.Single(provider.GetServices<IDependencyProbe>()));
        Assert.Equal(["IdempotencyKeyCleanup", "MigrationHostedService"],
            provider.GetServices<IHostedService>().Select(s => s.GetType().Name).Order());
        Assert.Same(provider.GetRequiredService<PostgresChangeLog>(), provider.GetRequiredService<IChangeLog>());
        Assert.Same(provider.GetRequiredService<PostgresChangeOutbox>(), provider.GetRequiredService<IChangeOutbox>());
        Assert.Single(services, d => d.ServiceType == typeof(NpgsqlDataSource));
    }

    [Fact]
    public async Task OptionsComeFromThePostgresSectionAndTheConnectionStringsEntryWins()
    {
        await using var provider = TestDatabase.Services("postgresql://u:p@winner:5432/db", new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = "Host=loser",
            ["Postgres:CommandTimeout"] = "00:00:02",
            ["Postgres:ApplyMigrationsAtStart"] = "false",
        });

        var options = provider.GetRequiredService<IOptions<PostgresOptions>>().Value;
        var dataSource = new NpgsqlConnectionStringBuilder(provider.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        Assert.Equal(("postgresql://u:p@winner:5432/db", TimeSpan.FromSeconds(2), false),
            (options.ConnectionString, options.CommandTimeout, options.ApplyMigrationsAtStart));
        Assert.Equal(("winner", 2, 2), (dataSource.Host, dataSource.CommandTimeout, dataSource.Timeout));
    }

    [Fact]
    public async Task AMissingConnectionStringFailsValidation()
    {
        await using var provider = TestDatabase.Services(string.Empty);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgresOptions>>().Value);

        Assert.Contains("ConnectionStrings:Postgres", failure.Message);
    }

    private static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("ConnectionStrings:Postgres", (string?)connectionString)]).Build();
}
