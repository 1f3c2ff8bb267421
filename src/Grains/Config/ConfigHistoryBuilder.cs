using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>
/// Joins audit entries with the version list Vault still keeps. A version number is reused after a
/// delete (the config starts again at 1), so an entry is joined only with a version Vault created
/// around the time the change was recorded.
/// </summary>
internal static class ConfigHistoryBuilder
{
    private static readonly TimeSpan SameWrite = TimeSpan.FromMinutes(1);

    public static ConfigHistory Build(
        AuditPage page, IReadOnlyDictionary<long, StoredVersionInfo>? versions, int limit, int offset, DateTimeOffset now)
    {
        var items = page.Entries.Select(e => Entry(e.Change, versions, now)).ToList();
        return new ConfigHistory(ConfigOutcome.Ok, items, page.Total, limit, offset);
    }

    private static ConfigHistoryEntry Entry(ChangeRecord change, IReadOnlyDictionary<long, StoredVersionInfo>? versions, DateTimeOffset now)
    {
        var version = change.Action == ChangeAction.Deleted ? change.OldVersion : change.NewVersion;
        VaultVersionState? state = change.Action != ChangeAction.Deleted && versions is not null && versions.TryGetValue(version, out var info)
            && (info.CreatedAt - change.At).Duration() < SameWrite
            ? new VaultVersionState(info.CreatedAt, info.DeletedAt is { } at && at <= now, info.Destroyed)
            : null;
        return new ConfigHistoryEntry(ChangeActionNames.ToText(change.Action), version, change.OldVersion,
            change.IsEncrypted, change.Actor, change.RequestId, change.At, state);
    }
}
