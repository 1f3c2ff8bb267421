using System.Text.RegularExpressions;
using ConfigCluster.Adapters.Postgres.Internal;

namespace ConfigCluster.Adapters.Postgres.Tests.Clustering;

/// <summary>
/// The query texts of migrations 0002 (membership) and 0007 (reminders) against the parameters Orleans 10.4.2 passes
/// to each key (read from the 10.4.2 providers).
/// </summary>
public sealed partial class OrleansQueryCatalogTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static readonly Dictionary<string, string[]> ParametersByKey = new(StringComparer.Ordinal)
    {
        ["InsertMembershipVersionKey"] = ["DeploymentId"],
        ["UpdateIAmAlivetimeKey"] = ["DeploymentId", "Address", "Port", "Generation", "IAmAliveTime"],
        ["InsertMembershipKey"] = ["DeploymentId", "Address", "Port", "Generation", "SiloName", "HostName", "Status", "ProxyPort", "StartTime", "IAmAliveTime", "Version"],
        ["UpdateMembershipKey"] = ["DeploymentId", "Address", "Port", "Generation", "Status", "SuspectTimes", "IAmAliveTime", "Version"],
        ["MembershipReadRowKey"] = ["DeploymentId", "Address", "Port", "Generation"],
        ["MembershipReadAllKey"] = ["DeploymentId"],
        ["GatewaysQueryKey"] = ["DeploymentId", "Status"],
        ["DeleteMembershipTableEntriesKey"] = ["DeploymentId"],
        ["CleanupDefunctSiloEntriesKey"] = ["DeploymentId", "IAmAliveTime"],
        ["CleanupDefunctSiloEntryKey"] = ["DeploymentId", "Address", "Port", "Generation", "SuspectTimes", "StartTime", "IAmAliveTime"],
        ["ReadReminderRowsKey"] = ["ServiceId", "GrainId"],
        ["ReadReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName"],
        ["ReadRangeRows1Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadRangeRows2Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["UpsertReminderRowKey"] = ["ServiceId", "GrainHash", "GrainId", "ReminderName", "StartTime", "Period"],
        ["DeleteReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName", "Version"],
        ["DeleteReminderRowsKey"] = ["ServiceId"],
    };

    [Fact]
    public async Task TheMembershipAndReminderKeysAreStoredWithTheirExactSpelling()
    {
        var keys = await fixture.Database.ColumnAsync<string>("SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\"");

        Assert.Equal(ParametersByKey.Keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task EveryQueryUsesOnlyParametersOrleansPassesToItsKey()
    {
        foreach (var (key, allowed) in ParametersByKey)
        {
            var text = await OrleansQueries.TextAsync(fixture.Database, key);
            var used = Parameter().Matches(text).Select(m => m.Groups["name"].Value).Distinct();

            Assert.All(used, name => Assert.Contains(name, allowed));
        }
    }

    [Fact]
    public async Task ApplyingTheQueryTextsAgainRestoresAnEditedTextWithoutDuplicatingKeys()
    {
        var original = await OrleansQueries.TextAsync(fixture.Database, "GatewaysQueryKey");
        await fixture.Database.ExecuteAsync("UPDATE orleansquery SET querytext = 'SELECT 1' WHERE querykey = 'GatewaysQueryKey'");
        var migration = MigrationCatalog.All.Single(m => m.Name == "orleans_clustering").Sql;

        await fixture.Database.ExecuteAsync(migration[migration.IndexOf("INSERT INTO orleansquery", StringComparison.Ordinal)..]);

        Assert.Equal(original, await OrleansQueries.TextAsync(fixture.Database, "GatewaysQueryKey"));
        Assert.Equal(ParametersByKey.Count, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
    }

    [GeneratedRegex(@"@(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Parameter();
}
