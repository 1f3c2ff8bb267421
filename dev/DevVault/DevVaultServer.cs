using ConfigCluster.DevVault.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.DevVault;

/// <summary>
/// An in-memory Vault dev server (KV v2/v1, sys/health, sys/mounts, token lookup-self) over real HTTP.
/// Stopping keeps <see cref="State"/>; <see cref="StartAsync"/> with the same state and port resumes it.
/// </summary>
public sealed class DevVaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private DevVaultServer(WebApplication app, DevVaultState state, Uri address)
    {
        _app = app;
        State = state;
        Address = address;
    }

    /// <summary>Base address without a path, e.g. <c>http://127.0.0.1:8200</c>.</summary>
    public Uri Address { get; }

    public string RootToken => State.RootToken;

    public DevVaultState State { get; }

    public static async Task<DevVaultServer> StartAsync(DevVaultOptions options, DevVaultState? state = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        state ??= new DevVaultState(options);
        WebApplication app = DevVaultHostBuilder.Build(options, state);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevVaultServer(app, state, new Uri(bound.TrimEnd('/')));
    }

    /// <summary>Stops listening; the data stays in <see cref="State"/>.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
