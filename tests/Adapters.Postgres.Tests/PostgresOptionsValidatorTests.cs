namespace ConfigCluster.Adapters.Postgres.Tests;

public sealed class PostgresOptionsValidatorTests
{
    private readonly PostgresOptionsValidator _validator = new();

    [Fact]
    public void OptionsWithAConnectionStringAndDefaultsAreValid()
    {
        var options = new PostgresOptions { ConnectionString = "postgresql://u:p@127.0.0.1:5432/db" };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal((TimeSpan.FromSeconds(5), true), (options.CommandTimeout, options.ApplyMigrationsAtStart));
    }

    [Fact]
    public void AMissingConnectionStringNamesTheSettingToSet()
    {
        var result = _validator.Validate(null, new PostgresOptions());

        Assert.True(result.Failed);
        Assert.Contains("ConnectionStrings:Postgres", result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3600)]
    public void ACommandTimeoutOutsideZeroToTenMinutesIsRejected(int seconds)
    {
        var options = new PostgresOptions { ConnectionString = "Host=h", CommandTimeout = TimeSpan.FromSeconds(seconds) };

        var result = _validator.Validate(null, options);

        Assert.Contains("Postgres:CommandTimeout", result.FailureMessage);
    }

    [Fact]
    public void PrintedOptionsShowTheServerButNotThePassword()
    {
        var options = new PostgresOptions { ConnectionString = "postgresql://u:hunter2secret@db:5432/app" };

        Assert.DoesNotContain("hunter2secret", options.ToString());
        Assert.Contains("db:5432/app as u", options.ToString());
    }
}
