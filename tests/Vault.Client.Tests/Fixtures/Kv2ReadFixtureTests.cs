using System.Globalization;
using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Fixtures;

/// <summary>KV v2 reads and lists parsed from the fixtures: the three 404s, deleted/destroyed versions (vault-kv-contract §3.2, §3.9, §7.2).</summary>
public sealed class Kv2ReadFixtureTests
{
    private static readonly KvPath Key = KvPath.Create("app", "db");

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task ReadOfCurrentVersionReturnsDataAndMetadata()
    {
        using var vault = StubVault.ForFixture("kv2-read-200");

        var read = await vault.Kv2.ReadAsync(Key);

        Assert.True(read.IsOk);
        var secret = read.Value!;
        Assert.Equal("s3cr3t", (string?)secret.Data!["password"]);
        Assert.Equal("app", (string?)secret.Data["username"]);
        Assert.Equal(2, secret.Metadata.Version);
        Assert.Equal(Utc("2025-03-02T08:20:01.5Z"), secret.Metadata.CreatedTime);
        Assert.Null(secret.Metadata.DeletionTime);
        Assert.False(secret.Metadata.Destroyed);
        Assert.Equal("team-a", secret.Metadata.CustomMetadata!["owner"]);
    }

    [Fact]
    public async Task ReadOfSoftDeletedVersionReportsVersionDeleted()
    {
        using var vault = StubVault.ForFixture("kv2-read-deleted-404");

        var read = await vault.Kv2.ReadAsync(Key, version: 2);

        Assert.Equal(VaultOutcome.VersionDeleted, read.Outcome);
        Assert.Null(read.Value!.Data);
        Assert.Equal(2, read.Value.Metadata.Version);
        Assert.Equal(Utc("2025-03-02T09:00:01.0041803Z"), read.Value.Metadata.DeletionTime);
        Assert.Null(read.Value.Metadata.CustomMetadata);
        Assert.Equal(404, read.HttpStatus);
    }

    [Fact]
    public async Task ReadOfDestroyedVersionReportsVersionDestroyed()
    {
        using var vault = StubVault.ForFixture("kv2-read-destroyed-404");

        var read = await vault.Kv2.ReadAsync(Key, version: 1);

        Assert.Equal(VaultOutcome.VersionDestroyed, read.Outcome);
        Assert.Null(read.Value!.Data);
        Assert.True(read.Value.Metadata.Destroyed);
        Assert.Equal(1, read.Value.Metadata.Version);
        Assert.Null(read.Value.Metadata.DeletionTime);
    }

    [Theory]
    [InlineData("kv2-read-notfound-404", VaultOutcome.NotFound)]
    [InlineData("no-handler-404", VaultOutcome.Rejected)]
    [InlineData("kv2-read-invalid-path-404", VaultOutcome.Rejected)]
    [InlineData("kv2-root-nonlist-404", VaultOutcome.Rejected)]
    public async Task ThreeKindsOf404AreToldApart(string fixture, VaultOutcome expected)
    {
        using var vault = StubVault.ForFixture(fixture);

        var read = await vault.Kv2.ReadAsync(Key);

        Assert.Equal(expected, read.Outcome);
        Assert.Null(read.Value);
    }

    [Fact]
    public async Task WrongMountIsAConfigurationErrorNamingTheRoute()
    {
        using var vault = StubVault.ForFixture("no-handler-404");

        var read = await vault.Kv2.ReadAsync(Key);

        Assert.Equal(VaultOutcome.Rejected, read.Outcome);
        Assert.Contains("no handler for route", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1StyleAccessToAV2MountIsRejectedWithVaultsWarning()
    {
        using var vault = StubVault.ForFixture("kv2-read-invalid-path-404");

        var read = await vault.Kv2.ReadAsync(Key);

        Assert.Contains("Invalid path for a versioned K/V secrets engine", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListReturnsKeysAndSubFolders()
    {
        using var vault = StubVault.ForFixture("kv2-list-200");

        var listed = await vault.Kv2.ListAsync(KvPath.Root);

        Assert.Equal(["app/", "db-password", "foo", "foo/"], listed.Value!);
    }

    [Fact]
    public async Task ListOfAnEmptyFolderIsOkWithNoKeys()
    {
        using var vault = StubVault.ForFixture("kv2-list-empty-404");

        var listed = await vault.Kv2.ListAsync(KvPath.Create("nothing"));

        Assert.True(listed.IsOk);
        Assert.Empty(listed.Value!);
    }
}
