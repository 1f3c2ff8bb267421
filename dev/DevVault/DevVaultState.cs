using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.AuthMethods;
using ConfigCluster.DevVault.Mounts;
using ConfigCluster.DevVault.Storage;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault;

/// <summary>
/// Everything a dev Vault holds (mounts, secrets, tokens, auth methods, seal status). It outlives the HTTP server,
/// so a stopped server can be started again on the same data. With <see cref="DevVaultOptions.StoragePath"/>
/// it also outlives the process: it is loaded from that directory here, and every change is journaled
/// there until <see cref="Dispose"/>.
/// </summary>
public sealed class DevVaultState : IDisposable
{
    private readonly StateStorage? _storage;
    private volatile bool _sealed;

    public DevVaultState(DevVaultOptions options)
        : this(options, TimeProvider.System)
    {
    }

    internal DevVaultState(DevVaultOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.RootToken);
        Time = timeProvider;
        Mounts = new MountTable(options.Mounts);
        Tokens = new TokenStore(options.RootToken, timeProvider);
        Identity = ClusterIdentity.New();
        _storage = options.StoragePath is { Length: > 0 } path ? StateStorage.Open(path, this) : null;
    }

    public bool IsSealed => _sealed;

    internal TimeProvider Time { get; }

    internal MountTable Mounts { get; }

    internal TokenStore Tokens { get; }

    /// <summary>token/ and the auth methods enabled through sys/auth; like tokens, they live in memory only.</summary>
    internal AuthMountTable AuthMounts { get; } = new();

    internal EntityIds Entities { get; } = new();

    internal string RootToken => Tokens.Root.Id;

    /// <summary>Set by the storage when it loads a kept state.</summary>
    internal ClusterIdentity Identity { get; set; }

    internal string ClusterName => Identity.ClusterName;

    internal string ClusterId => Identity.ClusterId;

    internal string SystemAccessor => Identity.SystemAccessor;

    internal string SystemUuid => Identity.SystemUuid;

    /// <summary>Where changes are journaled; null when the state lives in memory only.</summary>
    internal StateJournal? Journal => _storage?.Journal;

    public void Seal() => _sealed = true;

    public void Unseal() => _sealed = false;

    /// <summary>Adds (or replaces) a token with one of the canned policies. Tokens are never stored: only the root token survives a restart.</summary>
    public void AddToken(string token, DevVaultPolicy policy) => Tokens.Add(token, policy);

    /// <summary>Drops every secret and resets each KV v2 mount's config; mounts, tokens and seal status stay.</summary>
    public void Clear()
    {
        foreach (MountEntry mount in Mounts.All)
        {
            mount.Clear();
        }

        Journal?.Flush();
    }

    /// <summary>Writes out the journal and releases the storage directory; a state in memory has nothing to release.</summary>
    public void Dispose() => _storage?.Dispose();
}
