using ConfigCluster.DevVault;

namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>Stopping and sealing a server: only the dev server can be treated that way, so these always use one.</summary>
public sealed class DevVaultLifecycleTests
{
    private static Task<DevVaultServer> StartAsync() => DevVaultServer.StartAsync(new DevVaultOptions { Port = 0, RootToken = "root" });

    [Fact]
    public async Task IsConnectedBecomesFalseOnceTheServerStops()
    {
        await using var server = await StartAsync();
        using var clients = new VaultClients(server.Address, server.RootToken);
        Assert.True(await clients.Sys.IsConnectedAsync());

        await server.StopAsync();

        Assert.False(await clients.Sys.IsConnectedAsync());
        Assert.Equal(VaultOutcome.Unavailable, (await clients.Kv2.ReadAsync(KvPath.Create("a"))).Outcome);
    }

    [Fact]
    public async Task ASealedServerIsUnavailableAndItsHealthSaysSealed()
    {
        await using var server = await StartAsync();
        using var clients = new VaultClients(server.Address, server.RootToken);
        await clients.Kv2.WriteAsync(KvPath.Create("a"), new() { ["value"] = "v" });

        server.State.Seal();

        var read = await clients.Kv2.ReadAsync(KvPath.Create("a"));
        var health = await clients.Sys.HealthAsync();
        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Equal(503, read.HttpStatus);
        Assert.True(health.Value!.Sealed);
        Assert.Equal(503, health.Value.HttpStatus);
        Assert.False(await clients.Sys.IsConnectedAsync());
    }

    [Fact]
    public async Task UnsealingRestoresService()
    {
        await using var server = await StartAsync();
        using var clients = new VaultClients(server.Address, server.RootToken);
        server.State.Seal();

        server.State.Unseal();

        Assert.True(await clients.Sys.IsConnectedAsync());
        Assert.True((await clients.Kv2.WriteAsync(KvPath.Create("a"), new() { ["value"] = "v" })).IsOk);
    }
}
