using ConfigCluster.Gateway.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// What an import would do with each entry of its file, decided against the environment's current configs:
/// <list type="bullet">
/// <item><c>invalid</c>: the service or key breaks the naming rule, or the value is too large;</item>
/// <item><c>skipped</c>: an encrypted config exported without its value;</item>
/// <item><c>conflict</c>: the config is encrypted and the file would store it as plain text (protection is never lowered by an import);</item>
/// <item><c>unchanged</c>: same value and flag. The current value is compared only when the caller may read it (and
/// reveal it, when it is encrypted); else the key is an update, so that a plan is never an oracle for a value;</item>
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
        IReadOnlyList<EnvironmentEntry> entries, IReadOnlyList<ConfigEntry> current, Func<ConfigEntry, bool> mayCompare)
    {
        var currentByKey = current.ToDictionary(c => (c.Address.ServiceName, c.Address.Key));
        return entries.Select(entry => ItemOf(entry, currentByKey.GetValueOrDefault((entry.ServiceName, entry.Key)), mayCompare)).ToList();
    }

    private static EnvironmentImportItem ItemOf(EnvironmentEntry entry, ConfigEntry? current, Func<ConfigEntry, bool> mayCompare)
    {
        var problem = ConfigName.Check("service_name", entry.ServiceName) ?? ConfigName.Check("key", entry.Key)
            ?? (entry.Value is null ? null : ConfigValueLimits.Check(entry.Value));
        (string Action, string? Reason) plan = (entry, current) switch
        {
            _ when problem is not null => (Invalid, problem.Message),
            ({ Value: null }, _) => (Skipped, "encrypted value exported without it"),
            (_, null) => (Create, null),
            ({ IsEncrypted: false }, { IsEncrypted: true }) => (Conflict, "would store an encrypted config as plain text"),
            _ when !mayCompare(current) => (Update, "current value not compared: it needs read, and reveal when encrypted"),
            _ when entry.Value == current.Value && entry.IsEncrypted == current.IsEncrypted => (Unchanged, null),
            _ => (Update, null),
        };
        return new EnvironmentImportItem(entry.ServiceName, entry.Key, plan.Action, Result: null, plan.Reason);
    }
}
