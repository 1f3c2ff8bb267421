namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void AUriGivesHostPortDatabaseUserAndTheDecodedPassword()
    {
        var builder = PostgresConnectionString.Parse(
            "postgresql://config%40user:p%40ss%3Aw%2Frd@127.0.0.1:55432/configcluster?sslmode=verify-full&application_name=relay");

        Assert.Equal(("127.0.0.1", 55432, "configcluster", "config@user", "p@ss:w/rd"),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal((SslMode.VerifyFull, "relay"), (builder.SslMode, builder.ApplicationName));
    }

    [Fact]
    public void APostgresUriWithoutPortUsesTheDefaultPort()
    {
        var builder = PostgresConnectionString.Parse("postgres://app@db.internal/orders");

        Assert.Equal(("db.internal", 5432, "orders", "app", null), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Fact]
    public void AnNpgsqlKeywordStringIsTakenAsItIs()
    {
        var builder = PostgresConnectionString.Parse("Host=h;Port=6000;Username=u;Password=p;Database=d");

        Assert.Equal(("h", 6000, "d", "u", "p"), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Fact]
    public void AUriIsTurnedIntoTheKeywordFormOrleansClusteringTakes()
    {
        var keywords = PostgresConnectionString.ToNpgsqlKeywords("postgresql://app:p%40ss@db.internal:6432/orders?sslmode=require");

        var builder = new NpgsqlConnectionStringBuilder(keywords);
        Assert.Equal(("db.internal", 6432, "orders", "app", "p@ss", SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
    }

    [Fact]
    public void AKeywordStringStaysTheSameConnection()
    {
        var keywords = PostgresConnectionString.ToNpgsqlKeywords("Host=h;Port=6000;Username=u;Password=p;Database=d;Search Path=cc");

        Assert.Equal(new NpgsqlConnectionStringBuilder("Host=h;Port=6000;Username=u;Password=p;Database=d;Search Path=cc").ConnectionString, keywords);
    }

    [Fact]
    public void SomethingThatIsNotAConnectionStringHasNoKeywordForm() =>
        Assert.Throws<FormatException>(() => PostgresConnectionString.ToNpgsqlKeywords("Hots=h;Password=hunter2secret"));

    [Theory]
    [InlineData("")]
    [InlineData("postgresql://user:hunter2secret@/db")]
    [InlineData("Hots=h;Password=hunter2secret")]
    [InlineData("postgresql://user:hunter2secret@h/db?sslmode=sometimes")]
    public void SomethingElseIsRejectedWithoutEchoingIt(string value)
    {
        Assert.False(PostgresConnectionString.TryParse(value, out _, out var problem));
        Assert.NotNull(problem);
        Assert.DoesNotContain("hunter2secret", problem);
    }

    [Fact]
    public void TheDescriptionNamesTheServerButNotThePassword()
    {
        var description = PostgresConnectionString.Describe("postgresql://app:hunter2secret@db.internal:6432/orders");

        Assert.Equal("db.internal:6432/orders as app", description);
    }
}
