namespace ConfigCluster.Gateway.Json;

/// <summary>GET /api/v1/config/{key}/history: the audit trail newest first, each change with its version's state in Vault.</summary>
public sealed record ConfigHistoryResponse(IReadOnlyList<ConfigHistoryItem> Items, int Total, int Limit, int Offset)
{
    public static ConfigHistoryResponse From(ConfigHistory history) =>
        new(history.Items.Select(ConfigHistoryItem.From).ToList(), history.Total, history.Limit, history.Offset);
}
