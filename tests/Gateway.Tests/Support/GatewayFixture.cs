using ConfigCluster.DevVault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Gateway.Tests.Support;

/// <summary>
/// A real gateway silo on a loopback port, talking over HTTP to the dev Vault server on another
/// loopback port. Tests can stop and restart that Vault (its data survives) and move the clock.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    private DevVaultOptions _vaultOptions = null!;
    private WebApplication? _gateway;

    public DevVaultServer Vault { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri GatewayAddress { get; private set; } = null!;

    public IServiceProvider Services => _gateway!.Services;

    /// <summary>What callers without a credential may do (Auth:Anonymous).</summary>
    protected virtual string Anonymous => "Admin";

    /// <summary>Extra configuration for the gateway, e.g. a shorter cache TTL.</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        _vaultOptions = new DevVaultOptions { Port = FreePort.Next(), RootToken = "test-root" };
        Vault = await DevVaultServer.StartAsync(_vaultOptions);
        VaultRunning = true;
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--VAULT_ADDR={Vault.Address}",
            $"--VAULT_TOKEN={Vault.RootToken}",
            "--VAULT_MOUNT_POINT=secret",
            "--VAULT_KV_VERSION=2",
            $"--Cluster:SiloPort={FreePort.Next()}",
            "--Cluster:GatewayPort=0",
            "--Logging:LogLevel:Default=Warning",
            // As ./run.sh: callers without a credential may do anything; the access tests use their own fixtures.
            $"--Auth:Anonymous={Anonymous}",
            .. ExtraArgs,
        ];
        _gateway = GatewayApp.Build(args, ConfigureServices);
        await _gateway.StartAsync();
        var address = _gateway.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        GatewayAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = GatewayAddress };
    }

    public bool VaultRunning { get; private set; }

    public async Task StopVaultAsync()
    {
        await Vault.StopAsync();
        VaultRunning = false;
    }

    public async Task StartVaultAsync()
    {
        Vault = await DevVaultServer.StartAsync(_vaultOptions, Vault.State);
        VaultRunning = true;
    }

    /// <summary>Puts Vault back as a test found it: listening and unsealed.</summary>
    public async Task RestoreVaultAsync()
    {
        if (Vault.State.IsSealed)
        {
            Vault.State.Unseal();
        }

        if (!VaultRunning)
        {
            await StartVaultAsync();
        }
    }

    /// <summary>Writes a secret straight into Vault over its HTTP API, as an operator's `vault kv put` would.</summary>
    public async Task<HttpResponseMessage> PutSecretDirectlyAsync(string path, object data)
    {
        using var vault = new HttpClient { BaseAddress = Vault.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/secret/data/{path}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { data }),
        };
        request.Headers.Add("X-Vault-Token", Vault.RootToken);
        return await vault.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }

        await Vault.DisposeAsync();
    }
}
