namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>The real servers ./test.sh starts for the tests; a test run without them fails, it does not skip.</summary>
public static class TestEnvironment
{
    public static string Postgres => Required("CONFIGCLUSTER_TEST_POSTGRES");

    public static string Redis => Required("CONFIGCLUSTER_TEST_REDIS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test.sh, which starts PostgreSQL and Redis.");
}
