using System.Security.Cryptography;
using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Mounts;

namespace ConfigCluster.DevVault;

/// <summary>
/// Everything a dev Vault holds (mounts, secrets, tokens, seal status). It outlives the HTTP server,
/// so a stopped server can be started again on the same data.
/// </summary>
public sealed class DevVaultState
{
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
        ClusterName = "vault-cluster-" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        ClusterId = Guid.NewGuid().ToString();
        SystemAccessor = "system_" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        SystemUuid = Guid.NewGuid().ToString();
    }

    public bool IsSealed => _sealed;

    internal TimeProvider Time { get; }

    internal MountTable Mounts { get; }

    internal TokenStore Tokens { get; }

    internal string RootToken => Tokens.Root.Id;

    internal string ClusterName { get; }

    internal string ClusterId { get; }

    internal string SystemAccessor { get; }

    internal string SystemUuid { get; }

    public void Seal() => _sealed = true;

    public void Unseal() => _sealed = false;

    /// <summary>Adds (or replaces) a token with one of the canned policies.</summary>
    public void AddToken(string token, DevVaultPolicy policy) => Tokens.Add(token, policy);

    /// <summary>Drops every secret and resets each KV v2 mount's config; mounts, tokens and seal status stay.</summary>
    public void Clear()
    {
        foreach (MountEntry mount in Mounts.All)
        {
            mount.Clear();
        }
    }
}
