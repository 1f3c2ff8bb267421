namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// One audit row per acknowledged change (decision 12): after a mixed run with Vault, Kafka and
/// PostgreSQL failing in turn, the committed audit rows match the acknowledged writes one for one.
/// </summary>
public sealed class AuditTrailTests(SystemFixture fixture) : IClassFixture<SystemFixture>
{
    private readonly List<(string Action, string Key, long Version)> _acknowledged = [];

    [Fact]
    public async Task AuditRowsMatchAcknowledgedWritesAfterAMixedRunWithInjectedFailures()
    {
        await WriteRoundAsync(0);
        await fixture.Vault.StopAsync();
        await WriteRoundAsync(1);
        await fixture.RestartVaultAsync();
        fixture.Kafka.SetAllBrokersDown();
        await WriteRoundAsync(2);
        fixture.Kafka.SetAllBrokersUp();
        await fixture.Postgres.MakeUnreachableAsync();
        await WriteRoundAsync(3);
        await fixture.Postgres.MakeReachableAsync();
        await WriteRoundAsync(4);
        await DeleteAllAsync();

        var committed = (await fixture.Postgres.ChangeRowsAsync())
            .Where(r => r.State == "committed")
            .Select(r => (r.Action, r.Key, r.Action == "deleted" ? 0L : r.NewVersion));
        Assert.Equal(_acknowledged.Select(a => (a.Action, a.Key, a.Version)).Order(), committed.Order());
        Assert.True(_acknowledged.Count >= 15, $"only {_acknowledged.Count} writes were acknowledged");
    }

    private async Task WriteRoundAsync(int round)
    {
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            var response = await fixture.Http.ReadAsync("audit", "svc", key) is { StatusCode: HttpStatusCode.OK }
                ? await fixture.Http.UpdateAsync("audit", "svc", key, $"round-{round}")
                : await fixture.Http.CreateAsync("audit", "svc", key, $"round-{round}");
            if (response.IsSuccessStatusCode)
            {
                var action = response.StatusCode == HttpStatusCode.Created ? "created" : "updated";
                _acknowledged.Add((action, key, (await response.ValueAsync()).Version));
            }
        }
    }

    private async Task DeleteAllAsync()
    {
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            if ((await fixture.Http.DeleteAsync("audit", "svc", key)).StatusCode == HttpStatusCode.NoContent)
            {
                _acknowledged.Add(("deleted", key, 0));
            }
        }
    }
}
