using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>The clients as the service gets them: through <c>AddVaultClient</c>, pointed at a test server.</summary>
internal sealed class VaultClients : IDisposable
{
    private readonly ServiceProvider _provider;

    public VaultClients(Uri address, string token, string mountPoint = "secret")
    {
        _provider = new ServiceCollection()
            .AddVaultClient(o => (o.Address, o.Token, o.MountPoint, o.Timeout) = (address, token, mountPoint, TimeSpan.FromSeconds(10)))
            .BuildServiceProvider();
    }

    public VaultKv2Client Kv2 => _provider.GetRequiredService<VaultKv2Client>();

    public VaultKv1Client Kv1 => _provider.GetRequiredService<VaultKv1Client>();

    public VaultSysClient Sys => _provider.GetRequiredService<VaultSysClient>();

    public void Dispose() => _provider.Dispose();
}
