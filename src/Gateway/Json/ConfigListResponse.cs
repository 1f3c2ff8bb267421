namespace ConfigCluster.Gateway.Json;

/// <summary>
/// A page of configs: <c>items, total, limit, offset</c> (decisions 2, 6). An encrypted item whose value the caller
/// may not reveal keeps its metadata with <c>"value": null</c> (decision 21).
/// </summary>
public sealed record ConfigListResponse(IReadOnlyList<ConfigResponse> Items, int Total, int Limit, int Offset)
{
    public static ConfigListResponse From(ConfigPage page, Func<ConfigAddress, bool> mayReveal) =>
        new(page.Items.Select(e => e.IsEncrypted && !mayReveal(e.Address) ? ConfigResponse.From(e).WithoutValue() : ConfigResponse.From(e)).ToList(),
            page.Total, page.Limit, page.Offset);
}
