namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>A migration whose gateway stops mid-way is shown as interrupted, and running it again finishes it: every row once.</summary>
public sealed class LegacyMigrationResumeTests(MigrationFixture fixture) : IClassFixture<MigrationFixture>
{
    private const int Rows = 1500;

    [Fact]
    public async Task ARunInterruptedByAGatewayRestartAndRunAgainCreatesEveryRowExactlyOnce()
    {
        var table = await LegacyConfigTable.CreateAsync(fixture.Postgres.ConnectionString, "configs");
        await table.InsertAsync(Enumerable.Range(0, Rows).Select(i => ((string?)"resume", (string?)$"svc-{i % 7}", (string?)$"key-{i}", (string?)$"value-{i}", i % 5 == 0)));
        var body = new { connection_string = fixture.Postgres.ConnectionString };

        var (location, _) = await fixture.Http.StartedMigrationAsync(body);
        await Eventually.ReachesAsync(() => fixture.Http.PollAsync(location), run => run.GetProperty("rows_done").GetInt64() >= 150,
            TimeSpan.FromSeconds(30), "a tenth of the rows to be done");
        await fixture.RestartGatewayAsync();

        var interrupted = await fixture.Http.PollAsync(location);
        Assert.Equal("interrupted", interrupted.GetProperty("state").GetString());
        Assert.InRange(interrupted.GetProperty("rows_done").GetInt64(), 150, Rows - 1);
        var before = (await fixture.Postgres.CreatedAuditRowsAsync("resume")).Count;
        Assert.InRange(before, 1, Rows - 1);

        var (again, _) = await fixture.Http.StartedMigrationAsync(body);
        var resumed = await fixture.Http.FinishedAsync(again, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", resumed.GetProperty("state").GetString());
        var report = resumed.GetProperty("report");
        Assert.Equal(Rows, report.Count("created") + report.Count("unchanged"));
        Assert.Equal(0, report.Count("failed_count"));
        Assert.InRange(report.Count("unchanged"), before, Rows - 1);
        var audit = await fixture.Postgres.CreatedAuditRowsAsync("resume");
        Assert.Equal(Rows, audit.Count);
        Assert.All(audit, a => Assert.Equal(1, a.Value));
    }
}
