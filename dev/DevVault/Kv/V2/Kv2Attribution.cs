namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>KV attribution (plugin ≥ v0.25): who did what; entity_id/client_id are empty for dev tokens and omitted.</summary>
internal sealed record Kv2Attribution(string Actor, string Operation);
