using ConfigCluster.Adapters.Postgres.Internal;

namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresDataSourceFactoryTests
{
    [Fact]
    public void FrequentStatementsArePreparedAutomatically()
    {
        using var dataSource = PostgresDataSourceFactory.Create(new PostgresOptions { ConnectionString = "Host=h;Username=u" }, null);

        Assert.Equal(PostgresDataSourceFactory.AutoPreparedStatements, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public void AConnectionStringThatSetsAutoPreparationKeepsItsSetting()
    {
        using var dataSource = PostgresDataSourceFactory.Create(
            new PostgresOptions { ConnectionString = "Host=h;Username=u;Max Auto Prepare=5" }, null);

        Assert.Equal(5, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
    }
}
