namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>A dev Vault on a free loopback port plus a client for it.</summary>
internal sealed class RunningVault : IAsyncDisposable
{
    public const string RootToken = "hvs.RootExampleOnly";
    public const string DenyToken = "deny-token";
    public const string ReadToken = "read-token";

    private RunningVault(DevVaultServer server)
    {
        Server = server;
        Http = new VaultHttp(server.Address, server.RootToken);
    }

    public DevVaultServer Server { get; }

    public VaultHttp Http { get; }

    public DevVaultState State => Server.State;

    /// <summary>Starts a server; <paramref name="configure"/> may change mounts, <paramref name="time"/> the clock.</summary>
    public static async Task<RunningVault> StartAsync(Action<DevVaultOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new DevVaultOptions { Port = 0, RootToken = RootToken };
        configure?.Invoke(options);
        var state = new DevVaultState(options, time ?? TimeProvider.System);
        state.AddToken(DenyToken, DevVaultPolicy.DenyAll);
        state.AddToken(ReadToken, DevVaultPolicy.ReadOnly);
        return new RunningVault(await DevVaultServer.StartAsync(options, state));
    }

    /// <summary>A client for a server started elsewhere; disposing disposes the server too.</summary>
    public static RunningVault Of(DevVaultServer server) => new(server);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
