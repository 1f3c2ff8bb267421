namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>A version together with its key and number, for response writers.</summary>
internal readonly record struct Kv2VersionView(Kv2Key Key, ulong Number, Kv2Version Version);
