namespace ConfigCluster.Adapters.Vault;

/// <summary>Config addresses as Vault paths below the mount: <c>{environment}/{service_name}/{key}</c>.</summary>
internal static class VaultPaths
{
    public static KvPath Of(ConfigAddress address) =>
        KvPath.Create(address.Environment, address.ServiceName, address.Key);

    public static KvPath Folder(string environment, string? serviceName) =>
        serviceName is null ? KvPath.Create(environment) : KvPath.Create(environment, serviceName);

    /// <summary>
    /// Entries of a listing that are configs (not sub-folders), by the service's naming rule;
    /// anything else written to Vault directly is ignored.
    /// </summary>
    public static IEnumerable<string> Keys(IEnumerable<string> entries) =>
        entries.Where(e => !e.EndsWith('/') && ConfigName.IsValid(e));

    public static IEnumerable<string> Folders(IEnumerable<string> entries) =>
        entries.Where(e => e.EndsWith('/')).Select(e => e[..^1]).Where(ConfigName.IsValid);
}
