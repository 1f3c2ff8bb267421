using ConfigCluster.Gateway.Cli;

namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>The <c>migrate</c> command of the gateway host calls the admin endpoint of a running cluster and prints its report.</summary>
public sealed class MigrateCommandTests(MigrationFixture fixture) : IClassFixture<MigrationFixture>
{
    [Fact]
    public async Task TheMigrateCommandRunsAMigrationOnARunningClusterAndPrintsTheReportWithoutTheConnectionString()
    {
        var table = await LegacyConfigTable.CreateAsync(fixture.Postgres.ConnectionString, "legacy_cli");
        await table.InsertAsync([("cli", "svc", "a", "1", false), ("cli", "svc", "b", "2", true), ("cli", "svc", "bad key", "3", false)]);
        var output = new StringWriter();
        var progress = new StringWriter();

        var exit = await MigrateCommand.RunAsync(
            ["--url", fixture.Http.BaseAddress!.ToString(), "--connection-string", fixture.Postgres.ConnectionString, "--table", "legacy_cli",
             "--column", "key=key", "--remove-migrated"],
            output, progress);

        Assert.True(exit == 0, $"{output}\n{progress}");
        var run = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("completed", run.GetProperty("state").GetString());
        Assert.Equal(2, run.GetProperty("report").GetProperty("created").GetInt64());
        Assert.Equal(["cli/svc/bad key"], await table.AddressesAsync());
        Assert.DoesNotContain(fixture.Postgres.ConnectionString, output.ToString() + progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMigrateCommandRefusesUnknownArgumentsWithoutEchoingThem()
    {
        var progress = new StringWriter();

        var exit = await MigrateCommand.RunAsync(["--connection-string", "Host=x;Password=hunter2", "--pasword", "hunter2"], new StringWriter(), progress);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("hunter2", progress.ToString(), StringComparison.Ordinal);
    }
}
