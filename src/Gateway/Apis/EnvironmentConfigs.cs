namespace ConfigCluster.Gateway.Apis;

/// <summary>Every config of an environment (or of one service, or of some services), read page by page from the catalog.</summary>
internal static class EnvironmentConfigs
{
    /// <summary>The configs ordered by service then key, or null with Vault's detail when the catalog could not list them.</summary>
    public static async Task<(IReadOnlyList<ConfigEntry>? Configs, string? Detail)> ListAsync(
        IGrainFactory grains, string environment, string? serviceName, IReadOnlySet<string>? services, CancellationToken cancellationToken)
    {
        var catalog = grains.GetGrain<IConfigCatalogGrain>(0);
        var configs = new List<ConfigEntry>();
        while (true)
        {
            var query = new ConfigListQuery(environment, serviceName, ConfigListQuery.MaxLimit, configs.Count, services);
            var page = await catalog.ListAsync(query, cancellationToken);
            if (page.Outcome != ConfigOutcome.Ok)
            {
                return (null, page.Detail);
            }

            configs.AddRange(page.Items);
            if (page.Items.Count == 0 || configs.Count >= page.Total)
            {
                return (configs, null);
            }
        }
    }
}
