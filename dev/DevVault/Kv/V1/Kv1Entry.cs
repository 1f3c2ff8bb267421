namespace ConfigCluster.DevVault.Kv.V1;

/// <summary>A KV v1 secret: the stored JSON object (numbers kept literally) and its lease hint in seconds.</summary>
internal sealed record Kv1Entry(byte[] Data, long LeaseSeconds);
