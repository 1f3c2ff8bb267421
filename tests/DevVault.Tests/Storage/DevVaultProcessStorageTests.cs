using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Storage;

/// <summary>The dev executable with VAULT_DEV_STORAGE_PATH keeps what it answered through a kill -9; without it, it keeps nothing.</summary>
public sealed class DevVaultProcessStorageTests
{
    private const int Writes = 100;

    [Fact]
    public async Task EveryWriteAnsweredBeforeAKillIsThereAfterARestart()
    {
        using var storage = new StorageFolder();
        using (DevVaultProcess vault = await DevVaultProcess.StartAsync(AppContext.BaseDirectory, storage.Path))
        {
            for (int i = 1; i <= Writes; i++)
            {
                Assert.Equal(200, (await vault.Http.PostAsync("/v1/secret/data/app", $$$"""{"data":{"n":"{{{i}}}"}}""")).Status);
            }

            Assert.Equal(204, (await vault.Http.PostAsync("/v1/secret/metadata/app", """{"custom_metadata":{"last":"answered"}}""")).Status);
            vault.Kill();
        }

        await using RunningVault restarted = await storage.StartAsync();
        var metadata = (await restarted.Http.GetAsync("/v1/secret/metadata/app")).Json.GetProperty("data");
        var latest = (await restarted.Http.GetAsync("/v1/secret/data/app")).Json.GetProperty("data");

        Assert.Equal(Writes, metadata.GetProperty("current_version").GetInt32());
        Assert.Equal("answered", metadata.GetProperty("custom_metadata").GetProperty("last").GetString());
        Assert.Equal($"{Writes}", latest.GetProperty("data").GetProperty("n").GetString());
    }

    [Fact]
    public async Task WithoutAStoragePathNothingIsWrittenToDiskAndARestartStartsEmpty()
    {
        using var workingDirectory = new StorageFolder();
        using (DevVaultProcess vault = await DevVaultProcess.StartAsync(workingDirectory.Path, storagePath: null))
        {
            Assert.Equal(200, (await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{"n":"1"}}""")).Status);
            vault.Kill();
        }

        using DevVaultProcess restarted = await DevVaultProcess.StartAsync(workingDirectory.Path, storagePath: null);

        Assert.Equal(404, (await restarted.Http.GetAsync("/v1/secret/data/app")).Status);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workingDirectory.Path));
    }
}
