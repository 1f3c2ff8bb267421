using System.Security.Cryptography;
using ConfigCluster.DevVault.Kv.V1;
using ConfigCluster.DevVault.Kv.V2;
using ConfigCluster.DevVault.Storage;

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

    /// <summary>Random at first; a stored state brings back the one it had.</summary>
    public string Accessor { get; set; }

    public string Uuid { get; set; }

    public string Description { get; }

    public Kv2Store? V2 { get; }

    public Kv1Store? V1 { get; }

    /// <summary>From now on, every change to this mount's data is journaled.</summary>
    public void Journal(StateJournal journal)
    {
        var mountJournal = new MountJournal(Path, journal);
        if (V2 is not null)
        {
            V2.Journal = mountJournal;
        }

        if (V1 is not null)
        {
            V1.Journal = mountJournal;
        }
    }

    public void Clear()
    {
        V2?.Clear();
        V1?.Clear();
    }
}
