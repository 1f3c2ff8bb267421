namespace ConfigCluster.Adapters.Vault;

/// <summary>
/// Lists config addresses with Vault LIST calls: the service folders of an environment, then the keys
/// of each. Shared by the KV v1 and v2 stores, which differ only in how they list one folder.
/// </summary>
internal static class VaultConfigListing
{
    private const int MaxParallelFolders = 16;

    public static async Task<StoreResult<IReadOnlyList<ConfigAddress>>> ListAsync(
        Func<KvPath, CancellationToken, Task<VaultResult<IReadOnlyList<string>>>> list,
        string environment, string? serviceName, CancellationToken cancellationToken)
    {
        var services = serviceName is null ? await ServicesAsync(list, environment, cancellationToken) : [serviceName];
        if (services is null)
        {
            return StoreResult<IReadOnlyList<ConfigAddress>>.Fail(StoreOutcome.Unavailable, "Vault could not list the environment.");
        }

        var addresses = new List<ConfigAddress>();
        foreach (var chunk in services.Chunk(MaxParallelFolders))
        {
            var listings = await Task.WhenAll(chunk.Select(s => list(VaultPaths.Folder(environment, s), cancellationToken)));
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!listings[i].IsOk)
                {
                    return StoreResult<IReadOnlyList<ConfigAddress>>.Fail(StoreOutcome.Unavailable, listings[i].Error);
                }

                addresses.AddRange(VaultPaths.Keys(listings[i].Value!).Select(k => new ConfigAddress(environment, chunk[i], k)));
            }
        }

        return StoreResult<IReadOnlyList<ConfigAddress>>.Ok(addresses);
    }

    private static async Task<IReadOnlyList<string>?> ServicesAsync(
        Func<KvPath, CancellationToken, Task<VaultResult<IReadOnlyList<string>>>> list,
        string environment, CancellationToken cancellationToken)
    {
        var folders = await list(VaultPaths.Folder(environment, null), cancellationToken);
        return folders.IsOk ? VaultPaths.Folders(folders.Value!).ToList() : null;
    }
}
