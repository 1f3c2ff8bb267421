using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// Lists configs: names from Vault's key listing, ordered by service_name then key (decision 6),
/// values of the requested page read through each config's grain so that its cache and
/// consistency rules apply. A stateless worker: every silo runs its own, close to the caller.
/// </summary>
[StatelessWorker]
internal sealed class ConfigCatalogGrain(IConfigStore store, ConfigGrainReferences configs) : Grain, IConfigCatalogGrain
{
    public async Task<ConfigPage> ListAsync(ConfigListQuery query, CancellationToken cancellationToken)
    {
        var listing = await store.ListAsync(query.Environment, query.ServiceName, cancellationToken);
        if (!listing.IsOk)
        {
            return new ConfigPage(ConfigOutcome.VaultUnavailable, [], 0, query.Limit, query.Offset,
                "Vault is not available: configurations cannot be listed.");
        }

        var ordered = listing.Value!
            .Where(a => query.ReadableServices?.Contains(a.ServiceName) != false)
            .OrderBy(a => a.ServiceName, StringComparer.Ordinal)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
        var page = ordered.Skip(query.Offset).Take(query.Limit);
        var reads = await Task.WhenAll(page.Select(a => configs.Get(a).GetAsync(null, cancellationToken)));
        if (reads.Any(r => r.Outcome == ConfigOutcome.VaultUnavailable))
        {
            return new ConfigPage(ConfigOutcome.VaultUnavailable, [], ordered.Count, query.Limit, query.Offset,
                "Vault is not available: some configurations of this page cannot be read.");
        }

        // A key deleted between the listing and its read is left out of the page.
        var items = reads.Where(r => r.Entry is not null).Select(r => r.Entry!).ToList();
        return new ConfigPage(ConfigOutcome.Ok, items, ordered.Count, query.Limit, query.Offset);
    }
}
