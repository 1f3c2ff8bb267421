using System.Security.Cryptography;
using ConfigCluster.DevVault.Kv.V1;
using ConfigCluster.DevVault.Kv.V2;

namespace ConfigCluster.DevVault.Mounts;

/// <summary>One KV mount of the mount table, with its data store.</summary>
internal sealed class MountEntry
{
    public MountEntry(string path, int kvVersion)
    {
        Path = path;
        KvVersion = kvVersion;
        Accessor = "kv_" + RandomNumberGenerator.GetHexString(8, lowercase: true);
        Uuid = Guid.NewGuid().ToString();
        Description = path == "secret/" ? "key/value secret storage" : "";
        V2 = kvVersion == 2 ? new Kv2Store() : null;
        V1 = kvVersion == 1 ? new Kv1Store() : null;
    }

    /// <summary>Mount path with a trailing slash, e.g. <c>secret/</c> or <c>team/kv/</c>.</summary>
    public string Path { get; }

    public int KvVersion { get; }

    public string Accessor { get; }

    public string Uuid { get; }

    public string Description { get; }

    public Kv2Store? V2 { get; }

    public Kv1Store? V1 { get; }

    public void Clear()
    {
        V2?.Clear();
        V1?.Clear();
    }
}
