using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>{mount}/config and delete_version_after, each on a server of its own (config is mount-wide).</summary>
public sealed class KvV2MountConfigTests
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 2, 8, 17, 17, TimeSpan.Zero).AddTicks(1233150);

    [Fact]
    public async Task MountLevelCasRequiredRefusesWritesWithoutCas()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        ContractAssert.EmptyJson(await vault.Http.PostAsync("/v1/secret/config", """{"cas_required":true}"""));

        VaultReply refused = await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{}}""");
        VaultReply allowed = await vault.Http.PostAsync("/v1/secret/data/app", """{"options":{"cas":0},"data":{}}""");

        ContractAssert.MatchesFixture(refused, 400, "kv2-write-cas-required-400.json");
        Assert.Equal(200, allowed.Status);
    }

    [Fact]
    public async Task ConfigWriteIsReadBackAndNegativeDeleteVersionAfterReadsMinusOneSecond()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await vault.Http.PostAsync("/v1/secret/config", """{"max_versions":5,"delete_version_after":"-5m"}""");

        JsonElement config = (await vault.Http.GetAsync("/v1/secret/config")).Json.GetProperty("data");

        Assert.Equal(5, config.GetProperty("max_versions").GetInt32());
        Assert.Equal("-1s", config.GetProperty("delete_version_after").GetString());
    }

    [Fact]
    public async Task DeleteVersionAfterGivesAFutureDeletionTimeThatLaterHidesTheVersion()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        await vault.Http.PostAsync("/v1/secret/config", """{"delete_version_after":"1h"}""");
        await vault.Http.PostAsync("/v1/secret/metadata/app", """{"delete_version_after":60}""");

        VaultReply written = await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{"a":"1"}}""");
        VaultReply beforeExpiry = await vault.Http.GetAsync("/v1/secret/data/app");
        clock.Advance(TimeSpan.FromSeconds(61));
        VaultReply afterExpiry = await vault.Http.GetAsync("/v1/secret/data/app");

        JsonElement metadata = written.Json.GetProperty("data");
        Assert.Equal("2025-03-02T08:17:17.123315Z", metadata.GetProperty("created_time").GetString());
        Assert.Equal("2025-03-02T08:18:17.123315Z", metadata.GetProperty("deletion_time").GetString());
        Assert.Equal(200, beforeExpiry.Status);
        Assert.Equal(404, afterExpiry.Status);
    }

    [Fact]
    public async Task UndeleteUnderDeleteVersionAfterSetsANewFutureDeletionTime()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{}}""");
        await vault.Http.DeleteAsync("/v1/secret/data/app");
        clock.Advance(TimeSpan.FromSeconds(1));
        await vault.Http.PostAsync("/v1/secret/config", """{"delete_version_after":"30s"}""");

        await vault.Http.PostAsync("/v1/secret/undelete/app", """{"versions":[1]}""");
        VaultReply reply = await vault.Http.GetAsync("/v1/secret/data/app");

        Assert.Equal(200, reply.Status);
        Assert.Equal("2025-03-02T08:17:48.123315Z", reply.Json.GetProperty("data").GetProperty("metadata").GetProperty("deletion_time").GetString());
    }

    [Fact]
    public async Task AVersionDeletedAtThisVeryInstantIsStillReadable()
    {
        var clock = new ManualTimeProvider(Start);
        await using RunningVault vault = await RunningVault.StartAsync(time: clock);
        await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{}}""");
        await vault.Http.DeleteAsync("/v1/secret/data/app");

        Assert.Equal(200, (await vault.Http.GetAsync("/v1/secret/data/app")).Status);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(404, (await vault.Http.GetAsync("/v1/secret/data/app")).Status);
    }
}
