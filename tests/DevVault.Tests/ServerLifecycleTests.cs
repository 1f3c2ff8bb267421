using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>The public hosting API: port 0, stop/restart on the same state, Clear.</summary>
public sealed class ServerLifecycleTests
{
    [Fact]
    public async Task PortZeroPicksAFreeLoopbackPortAndTheAddressHasNoPath()
    {
        await using DevVaultServer server = await DevVaultServer.StartAsync(new DevVaultOptions { Port = 0 });

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);
        Assert.Equal("/", server.Address.AbsolutePath);
        Assert.Equal("root", server.RootToken);
    }

    [Fact]
    public async Task StoppingAndRestartingOnTheSamePortKeepsTheData()
    {
        var options = new DevVaultOptions { Port = 0 };
        DevVaultServer first = await DevVaultServer.StartAsync(options);
        using (var http = new VaultHttp(first.Address, first.RootToken))
        {
            await http.PostAsync("/v1/secret/data/app", """{"data":{"kept":"yes"}}""");
        }

        await first.StopAsync();
        await first.DisposeAsync();
        await using DevVaultServer second = await DevVaultServer.StartAsync(new DevVaultOptions { Port = first.Address.Port }, first.State);
        using var again = new VaultHttp(second.Address, second.RootToken);

        VaultReply reply = await again.GetAsync("/v1/secret/data/app");

        Assert.Equal(first.Address, second.Address);
        Assert.Equal("yes", reply.Json.GetProperty("data").GetProperty("data").GetProperty("kept").GetString());
    }

    [Fact]
    public async Task ClearDropsSecretsButKeepsTokensAndMounts()
    {
        await using RunningVault vault = await RunningVault.StartAsync();
        await vault.Http.PostAsync("/v1/secret/data/app", """{"data":{}}""");
        await vault.Http.PostAsync("/v1/secret/config", """{"max_versions":3}""");

        vault.State.Clear();

        Assert.Equal(404, (await vault.Http.GetAsync("/v1/secret/data/app")).Status);
        Assert.Equal(404, (await vault.Http.GetAsync("/v1/secret/data/app", RunningVault.ReadToken)).Status);
        ContractAssert.MatchesFixture(await vault.Http.GetAsync("/v1/secret/config"), 200, "kv2-config-read-200.json");
    }

    [Fact]
    public void OverlappingOrReservedMountsAreRejected()
    {
        var overlapping = new DevVaultOptions();
        overlapping.Mounts.Add(new DevVaultMount("secret/nested", 2));
        var reserved = new DevVaultOptions();
        reserved.Mounts.Add(new DevVaultMount("sys/kv", 1));

        Assert.Throws<ArgumentException>(() => new DevVaultState(overlapping));
        Assert.Throws<ArgumentException>(() => new DevVaultState(reserved));
    }
}
