using System.Security.Cryptography;

namespace ConfigCluster.DevVault.Sys;

/// <summary>What names this Vault instance in sys/health and sys/mounts; kept by the storage, so a restart is the same Vault.</summary>
internal sealed record ClusterIdentity(string ClusterName, string ClusterId, string SystemAccessor, string SystemUuid)
{
    public static ClusterIdentity New() => new(
        "vault-cluster-" + RandomNumberGenerator.GetHexString(8, lowercase: true),
        Guid.NewGuid().ToString(),
        "system_" + RandomNumberGenerator.GetHexString(8, lowercase: true),
        Guid.NewGuid().ToString());
}
