using ConfigCluster.Gateway.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// What an import would do with each entry of its file, decided against the environment's current configs:
/// <list type="bullet">
/// <item><c>invalid</c>: the service or key breaks the naming rule, or the value is too large;</item>
/// <item><c>skipped</c>: an encrypted config exported without its value;</item>
/// <item><c>conflict</c>: the config is encrypted and the file would store it as plain text (protection is never lowered by an import);</item>
/// <item><c>unchanged</c>: same value and flag (an encrypted current value is compared only when the caller may reveal it; else it is an update);</item>
/// <item><c>create</c> or <c>update</c> otherwise.</item>
/// </list>
/// </summary>
internal static class EnvironmentImportPlan
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";
    public const string Conflict = "conflict";
    public const string Skipped = "skipped";
    public const string Invalid = "invalid";

    public static List<EnvironmentImportItem> Make(
        IReadOnlyList<EnvironmentEntry> entries, IReadOnlyList<ConfigEntry> current, Func<ConfigAddress, bool> mayReveal)
    {
        var currentByKey = current.ToDictionary(c => (c.Address.ServiceName, c.Address.Key));
        return entries.Select(entry => ItemOf(entry, currentByKey.GetValueOrDefault((entry.ServiceName, entry.Key)), mayReveal)).ToList();
    }

    private static EnvironmentImportItem ItemOf(EnvironmentEntry entry, ConfigEntry? current, Func<ConfigAddress, bool> mayReveal)
    {
        var problem = ConfigName.Check("service_name", entry.ServiceName) ?? ConfigName.Check("key", entry.Key)
            ?? (entry.Value is null ? null : ConfigValueLimits.Check(entry.Value));
        (string Action, string? Reason) plan = (entry, current) switch
        {
            _ when problem is not null => (Invalid, problem.Message),
            ({ Value: null }, _) => (Skipped, "encrypted value exported without it"),
            (_, null) => (Create, null),
            ({ IsEncrypted: false }, { IsEncrypted: true }) => (Conflict, "would store an encrypted config as plain text"),
            (_, { IsEncrypted: true }) when !mayReveal(current.Address) => (Update, "encrypted value not compared without reveal"),
            _ when entry.Value == current.Value && entry.IsEncrypted == current.IsEncrypted => (Unchanged, null),
            _ => (Update, null),
        };
        return new EnvironmentImportItem(entry.ServiceName, entry.Key, plan.Action, Result: null, plan.Reason);
    }
}
