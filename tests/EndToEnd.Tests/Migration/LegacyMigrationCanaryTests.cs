namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>
/// A migrated value exists in Vault only: a canary in a legacy row (encrypted, plain, in conflict, invalid) never shows in
/// the 202, the polls, the report or any log line, at Trace; nor does the connection string.
/// </summary>
public sealed class LegacyMigrationCanaryTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    [Fact]
    public async Task ACanaryValueOrTheConnectionStringNeverAppearsInTheReportThePollsOrAnyLogLine()
    {
        var canary = $"CANARY{Guid.NewGuid():N}";
        var table = await LegacyConfigTable.CreateAsync(fixture.Postgres.ConnectionString, "legacy_canary");
        await table.InsertAsync([
            ("canary", "svc", "secret", canary, true), ("canary", "svc", "plain", $"{canary}-plain", false),
            ("canary", "svc", "conflict", $"{canary}-legacy", true), ("canary", "svc", "bad key", canary, true),
        ]);
        await LegacyMigrationTests.PlantAsync(fixture.Http, [("canary", "svc", "conflict", $"{canary}-legacy", true)], differentValue: true);
        var texts = new List<string>();
        foreach (var dryRun in new[] { true, false })
        {
            var (location, accepted) = await fixture.Http.StartedMigrationAsync(
                new { connection_string = fixture.Postgres.ConnectionString, table = "legacy_canary", dry_run = dryRun });
            texts.Add(accepted.GetRawText());
            texts.Add((await fixture.Http.FinishedAsync(location, TimeSpan.FromSeconds(30))).GetRawText());
            texts.Add(await fixture.Http.GetStringAsync(location));
        }

        Assert.Contains("\"created\":2", texts[^1]);
        var password = new Npgsql.NpgsqlConnectionStringBuilder(fixture.Postgres.ConnectionString).Password;
        string[] secrets = [canary, fixture.Postgres.ConnectionString, .. password is { Length: > 0 } ? [password] : Array.Empty<string>()];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(fixture.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains(fixture.Logs.Lines, l => l.Contains("Legacy migration", StringComparison.Ordinal));
    }
}
