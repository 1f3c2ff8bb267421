namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>
/// One dev Vault for the whole "shared vault" collection: KV v2 at secret/ and team/kv/, KV v1 at kv1/.
/// Tests use unique key names and never seal it or change mount config (those start their own server).
/// </summary>
public sealed class SharedVault : IAsyncLifetime
{
    private RunningVault? _vault;

    internal VaultHttp Http => _vault!.Http;

    internal DevVaultServer Server => _vault!.Server;

    public async Task InitializeAsync()
    {
        _vault = await RunningVault.StartAsync(options =>
        {
            options.Mounts.Add(new DevVaultMount("team/kv", 2));
            options.Mounts.Add(new DevVaultMount("kv1", 1));
        });
    }

    public async Task DisposeAsync()
    {
        if (_vault is not null)
        {
            await _vault.DisposeAsync();
        }
    }

    /// <summary>A key name no other test uses.</summary>
    internal static string UniqueKey(string prefix = "k") => $"{prefix}-{Guid.NewGuid():N}";
}
