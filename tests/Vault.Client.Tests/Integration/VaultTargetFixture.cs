using System.Net.Http.Json;
using ConfigCluster.DevVault;

namespace ConfigCluster.Vault.Client.Tests.Integration;

/// <summary>
/// The server the integration tests talk to: a real Vault when <c>VAULT_ADDR</c> and <c>VAULT_TOKEN</c> are set
/// (KV v2 mount from <c>VAULT_MOUNT_POINT</c>, default <c>secret</c>; keys under a per-run prefix, deleted afterwards;
/// a temporary KV v1 mount enabled and removed again, unless <c>VAULT_TEST_KV1_MOUNT</c> names an existing one),
/// else the in-repo dev server with a <c>kv1</c> KV v1 mount beside the default <c>secret</c> KV v2 mount.
/// </summary>
public sealed class VaultTargetFixture : IAsyncLifetime
{
    private DevVaultServer? _server;
    private VaultClients? _clients;
    private bool _ownsKv1Mount;

    public string Prefix { get; } = "cc-vault-tests-" + Guid.NewGuid().ToString("N")[..12];

    public bool IsRealVault { get; private set; }

    public Uri Address { get; private set; } = null!;

    public string Token { get; private set; } = null!;

    public string Kv2Mount { get; private set; } = "secret";

    public string Kv1Mount { get; private set; } = "kv1";

    public VaultKv2Client Kv2 => _clients!.Kv2;

    public VaultKv1Client Kv1 => _clients!.Kv1.WithMount(Kv1Mount);

    public VaultSysClient Sys => _clients!.Sys;

    public KvPath Key(params string[] segments) => KvPath.Create([Prefix, .. segments]);

    public async Task InitializeAsync()
    {
        var address = Environment.GetEnvironmentVariable("VAULT_ADDR");
        var token = Environment.GetEnvironmentVariable("VAULT_TOKEN");
        if (!string.IsNullOrWhiteSpace(address) && !string.IsNullOrWhiteSpace(token))
        {
            (IsRealVault, Address, Token) = (true, new Uri(address), token);
            Kv2Mount = Environment.GetEnvironmentVariable("VAULT_MOUNT_POINT") is { Length: > 0 } mount ? mount : "secret";
            _ownsKv1Mount = Environment.GetEnvironmentVariable("VAULT_TEST_KV1_MOUNT") is not { Length: > 0 };
            Kv1Mount = _ownsKv1Mount ? Prefix + "-kv1" : Environment.GetEnvironmentVariable("VAULT_TEST_KV1_MOUNT")!;
            if (_ownsKv1Mount)
            {
                await ChangeKv1MountAsync(enable: true);
            }
        }
        else
        {
            var options = new DevVaultOptions { Port = 0, RootToken = "root" };
            options.Mounts.Add(new DevVaultMount(Kv1Mount, 1));
            _server = await DevVaultServer.StartAsync(options);
            (Address, Token) = (_server.Address, _server.RootToken);
        }

        _clients = new VaultClients(Address, Token, Kv2Mount);
    }

    public async Task DisposeAsync()
    {
        if (IsRealVault && _clients is not null)
        {
            await DeleteTreeAsync(KvPath.Create(Prefix));
            if (_ownsKv1Mount)
            {
                await ChangeKv1MountAsync(enable: false);
            }
        }

        _clients?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task DeleteTreeAsync(KvPath folder)
    {
        var listed = await Kv2.ListAsync(folder);
        foreach (var entry in listed.Value ?? [])
        {
            if (entry.EndsWith('/'))
            {
                await DeleteTreeAsync(folder.Append(entry[..^1]));
            }
            else
            {
                await Kv2.DeleteMetadataAsync(folder.Append(entry));
            }
        }
    }

    /// <summary>Mount management is not part of the client; a real Vault gets it over plain HTTP.</summary>
    private async Task ChangeKv1MountAsync(bool enable)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Address, "/v1/") };
        http.DefaultRequestHeaders.Add("X-Vault-Token", Token);
        using var response = enable
            ? await http.PostAsJsonAsync($"sys/mounts/{Kv1Mount}", new { type = "kv", options = new { version = "1" } })
            : await http.DeleteAsync($"sys/mounts/{Kv1Mount}");
        if (enable)
        {
            Assert.True(response.IsSuccessStatusCode, $"enabling a KV v1 mount on the real Vault answered {(int)response.StatusCode}");
        }
    }
}
