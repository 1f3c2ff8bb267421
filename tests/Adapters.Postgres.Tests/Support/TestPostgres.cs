using ConfigCluster.Adapters.Postgres;

namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>
/// The real PostgreSQL the tests run against: <c>CONFIGCLUSTER_TEST_POSTGRES</c>, a connection string (Npgsql
/// keywords or a <c>postgresql://</c> URI) for a user allowed to create databases. Unset, the tests fail.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CONFIGCLUSTER_TEST_POSTGRES";

    public static NpgsqlConnectionStringBuilder Admin()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. These tests need a real PostgreSQL where they may create databases, e.g. " +
                "`source scripts/postgres.sh && postgres_start /tmp/cc-pg 55432 && " +
                $"export {Variable}=$POSTGRES_ADMIN_URL` (test.sh starts one and sets it).");
        }

        return PostgresConnectionString.Parse(value);
    }
}
