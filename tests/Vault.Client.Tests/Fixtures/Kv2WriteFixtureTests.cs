using System.Globalization;
using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Fixtures;

/// <summary>KV v2 writes, patches and metadata parsed from the fixtures (vault-kv-contract §3.1, §3.4, §3.8, §7.3).</summary>
public sealed class Kv2WriteFixtureTests
{
    private static readonly KvPath Key = KvPath.Create("app", "db");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task WriteReportsTheNewVersionWithANineDigitTimestampTruncated()
    {
        using var vault = StubVault.ForFixture("kv2-write-200");

        var written = await vault.Kv2.WriteAsync(Key, new JsonObject { ["k"] = "v" });

        Assert.True(written.IsOk);
        Assert.Equal(1, written.Value!.Version);
        Assert.Equal(Utc("2025-03-02T08:17:17.1233150Z"), written.Value.CreatedTime);
        Assert.Null(written.Value.DeletionTime);
        Assert.Null(written.Value.CustomMetadata);
    }

    [Fact]
    public async Task PatchReportsTheNewVersion()
    {
        using var vault = StubVault.ForFixture("kv2-patch-200");

        var patched = await vault.Kv2.PatchAsync(Key, new JsonObject { ["k"] = "v" }, cas: 2);

        Assert.True(patched.IsOk);
        Assert.Equal(3, patched.Value!.Version);
    }

    [Fact]
    public async Task PatchOfADeletedCurrentVersionReportsVersionDeletedWithItsFlatMetadata()
    {
        using var vault = StubVault.ForFixture("kv2-patch-deleted-404");

        var patched = await vault.Kv2.PatchAsync(Key, new JsonObject { ["k"] = "v" });

        Assert.Equal(VaultOutcome.VersionDeleted, patched.Outcome);
        Assert.Equal(2, patched.Value!.Version);
        Assert.NotNull(patched.Value.DeletionTime);
    }

    [Fact]
    public async Task PatchOfAMissingKeyIsNotFoundFromAnEmpty404()
    {
        using var vault = new StubVault(StubHandler.Serving(404, []));

        var patched = await vault.Kv2.PatchAsync(Key, new JsonObject { ["k"] = "v" });

        Assert.Equal(VaultOutcome.NotFound, patched.Outcome);
    }

    [Fact]
    public async Task CasMismatchIsReportedAsSuch()
    {
        using var vault = StubVault.ForFixture("kv2-write-cas-mismatch-400");

        var written = await vault.Kv2.WriteAsync(Key, new JsonObject(), cas: 7);

        Assert.Equal(VaultOutcome.CasMismatch, written.Outcome);
        Assert.Contains("check-and-set", written.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kv2-metadata-read-200")]
    [InlineData("kv2-metadata-read-legacy-200")]
    public async Task MetadataReadParsesVersionsKeyedByStrings(string fixture)
    {
        using var vault = StubVault.ForFixture(fixture);

        var metadata = (await vault.Kv2.ReadMetadataAsync(Key)).Value!;

        Assert.Equal(3, metadata.CurrentVersion);
        Assert.Equal(0, metadata.OldestVersion);
        Assert.Equal(0, metadata.MaxVersions);
        Assert.False(metadata.CasRequired);
        Assert.Equal("0s", metadata.DeleteVersionAfter);
        Assert.Equal(Utc("2025-03-02T08:17:17.1233150Z"), metadata.CreatedTime);
        Assert.Equal(Utc("2025-03-02T09:00:01.0041803Z"), metadata.UpdatedTime);
        Assert.Equal([1L, 2L, 3L], metadata.Versions.Keys.Order());
        Assert.Equal(Utc("2025-03-02T08:20:01.5Z"), metadata.Versions[2].CreatedTime);
        Assert.Null(metadata.Versions[3].DeletionTime);
    }

    [Fact]
    public async Task CurrentMetadataCarriesCustomMetadataDeletionsAndDestructions()
    {
        using var vault = StubVault.ForFixture("kv2-metadata-read-200");

        var metadata = (await vault.Kv2.ReadMetadataAsync(Key)).Value!;

        Assert.Equal("team-a", metadata.CustomMetadata!["owner"]);
        Assert.True(metadata.Versions[1].Destroyed);
        Assert.Equal(Utc("2025-03-02T09:00:01.0041803Z"), metadata.Versions[2].DeletionTime);
    }

    [Fact]
    public async Task MetadataWriteWithAWarningIsOkAndCarriesTheWarning()
    {
        using var vault = StubVault.ForFixture("kv2-metadata-write-warning-200");

        var written = await vault.Kv2.WriteMetadataAsync(Key, new KvMetadataUpdate(CasRequired: false));

        Assert.True(written.IsOk);
        Assert.Contains(written.Warnings, w => w.Contains("mandated by backend config", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MountConfigIsParsed()
    {
        using var vault = StubVault.ForFixture("kv2-config-read-200");

        var config = (await vault.Kv2.ReadMountConfigAsync()).Value!;

        Assert.Equal(new KvMountConfig(0, false, "0s"), config);
    }

    [Fact]
    public async Task SoftDeleteAnsweredWith204IsOk()
    {
        using var vault = new StubVault(StubHandler.Serving(204, []));

        var deleted = await vault.Kv2.DeleteLatestAsync(Key);

        Assert.True(deleted.IsOk);
        Assert.Equal(204, deleted.HttpStatus);
    }
}
