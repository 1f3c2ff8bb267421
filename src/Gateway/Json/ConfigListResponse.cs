namespace ConfigCluster.Gateway.Json;

/// <summary>A page of configs: <c>items, total, limit, offset</c> (decisions 2, 6).</summary>
public sealed record ConfigListResponse(IReadOnlyList<ConfigResponse> Items, int Total, int Limit, int Offset)
{
    public static ConfigListResponse From(ConfigPage page) =>
        new(page.Items.Select(ConfigResponse.From).ToList(), page.Total, page.Limit, page.Offset);
}
