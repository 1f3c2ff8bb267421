using ConfigCluster.DevVault.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.DevVault;

/// <summary>
/// A Vault dev server (KV v2/v1, sys/health, sys/mounts, sys/auth, the token store's self-service and revoke
/// paths, AppRole and Kubernetes login) over real HTTP, in memory or kept in <see cref="DevVaultOptions.StoragePath"/>.
/// Stopping keeps <see cref="State"/>; <see cref="StartAsync"/> with the same state and port resumes it.
/// </summary>
public sealed class DevVaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsState;
    private int _stopped;

    private DevVaultServer(WebApplication app, DevVaultState state, bool ownsState, Uri address)
    {
        _app = app;
        _ownsState = ownsState;
        State = state;
        Address = address;
    }

    /// <summary>Base address without a path, e.g. <c>http://127.0.0.1:8200</c>.</summary>
    public Uri Address { get; }

    public string RootToken => State.RootToken;

    public DevVaultState State { get; }

    /// <summary>Starts serving <paramref name="state"/>, or a new state built from <paramref name="options"/> that the server then owns and disposes.</summary>
    public static async Task<DevVaultServer> StartAsync(DevVaultOptions options, DevVaultState? state = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool ownsState = state is null;
        state ??= new DevVaultState(options);
        WebApplication app = DevVaultHostBuilder.Build(options, state);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            if (ownsState)
            {
                state.Dispose();
            }

            throw;
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevVaultServer(app, state, ownsState, new Uri(bound.TrimEnd('/')));
    }

    /// <summary>Stops listening; the data stays in <see cref="State"/>.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync();
        }
    }

    /// <summary>Stops, and disposes the state if this server created it (which writes out its journal).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        if (_ownsState)
        {
            State.Dispose();
        }
    }
}
