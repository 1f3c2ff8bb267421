using ConfigCluster.Ports;

namespace ConfigCluster.Grains.Config;

/// <summary>Working with earlier versions: setting the config back to one (rollback), and two side by side (diff).</summary>
internal sealed partial class ConfigGrain
{
    /// <summary>How far back the audit trail is searched for who wrote a version.</summary>
    private const int AuditLookBack = 200;

    public async Task<ConfigResult> RollbackAsync(long version, ChangeContext context, CancellationToken cancellationToken)
    {
        var (current, failure) = await CurrentForWriteAsync("roll back", cancellationToken);
        if ((failure ?? Unexpected(current!, context)) is { } notNow)
        {
            return notNow;
        }

        var source = await ReadKeptVersionAsync(version, cancellationToken);
        if (!source.Succeeded)
        {
            return source;
        }

        // A rollback is not replayed by idempotency key: sent twice, it writes the same value twice.
        var details = $$"""{"source_version":{{version}}}""";
        return await WriteVersionAsync(ChangeAction.RolledBack, current!, source.Entry!.Value, source.Entry.IsEncrypted,
            context with { IdempotencyKey = null }, key: null, details, cancellationToken);
    }

    public async Task<ConfigDiff> DiffAsync(long from, long to, CancellationToken cancellationToken)
    {
        var (left, right) = (ReadKeptVersionAsync(from, cancellationToken), ReadKeptVersionAsync(to, cancellationToken));
        var audit = changes.ReadHistoryAsync(_address, AuditLookBack, 0, cancellationToken);
        var (older, newer) = (await left, await right);
        if (!older.Succeeded || !newer.Succeeded)
        {
            var failed = older.Succeeded ? newer : older;
            return ConfigDiff.Fail(failed.Outcome, failed.Detail);
        }

        var trail = await audit;
        var entries = trail.IsOk ? trail.Value!.Entries : [];
        return new ConfigDiff(ConfigOutcome.Ok, older.Entry, newer.Entry, AuditOf(entries, from), AuditOf(entries, to));
    }

    /// <summary>
    /// A version Vault still keeps; NotFound for one that never existed, VersionGone for one deleted, destroyed or
    /// dropped by max_versions.
    /// </summary>
    private async Task<ConfigResult> ReadKeptVersionAsync(long version, CancellationToken cancellationToken)
    {
        var read = await ReadVersionAsync(version, cancellationToken);
        if (read.Outcome != ConfigOutcome.NotFound || read.Detail != ConfigMessages.VersionNotFound)
        {
            return read;
        }

        var versions = await store.ReadVersionsAsync(_address, cancellationToken);
        var existed = versions.IsOk ? versions.Value!.ContainsKey(version) || versions.Value.Keys.Any(kept => kept > version) : false;
        return existed
            ? ConfigResult.Fail(ConfigOutcome.VersionGone, ConfigMessages.VersionGone(version))
            : ConfigResult.Fail(ConfigOutcome.NotFound, ConfigMessages.NoSuchVersion(version));
    }

    /// <summary>The newest audit entry that wrote <paramref name="version"/> (the current generation of the config).</summary>
    private static ConfigVersionAudit? AuditOf(IReadOnlyList<AuditEntry> entries, long version) =>
        entries.Select(e => e.Change).FirstOrDefault(c => c.Action != ChangeAction.Deleted && c.NewVersion == version) is { } change
            ? new ConfigVersionAudit(ChangeActionNames.ToText(change.Action), change.Actor, change.At)
            : null;
}
