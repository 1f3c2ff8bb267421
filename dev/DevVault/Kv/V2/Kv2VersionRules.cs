namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>
/// The plugin's KeyMetadata.AddVersion and delete-version-after rules: retention keeps
/// max(key, mount) max_versions (10 when both are 0) and moves oldest_version once
/// current − oldest ≥ that number.
/// </summary>
internal static class Kv2VersionRules
{
    private const uint DefaultMaxVersions = 10;

    public static Kv2Version AddVersion(Kv2Key key, Kv2Config config, byte[] data, DateTimeOffset now, Kv2Attribution by)
    {
        var version = new Kv2Version(now, data, by) { DeletionTime = DeletionTimeFrom(now, config, key) };
        key.CurrentVersion++;
        key.Versions[key.CurrentVersion] = version;
        key.UpdatedTime = now;
        key.LastUpdatedBy = by;
        uint maxVersions = Math.Max(key.MaxVersions, config.MaxVersions);
        maxVersions = maxVersions == 0 ? DefaultMaxVersions : maxVersions;
        if (unchecked((uint)(key.CurrentVersion - key.OldestVersion)) >= maxVersions)
        {
            ulong versionToDelete = key.CurrentVersion - maxVersions;
            for (ulong number = key.OldestVersion; number < versionToDelete + 1; number++)
            {
                key.Versions.Remove(number);
            }

            key.OldestVersion = versionToDelete + 1;
        }

        return version;
    }

    /// <summary>
    /// <paramref name="from"/> + the effective delete_version_after: never when the mount disabled it,
    /// else the smaller non-zero of mount and key values; null when both are zero.
    /// </summary>
    public static DateTimeOffset? DeletionTimeFrom(DateTimeOffset from, Kv2Config config, Kv2Key key)
    {
        long mount = config.DeleteVersionAfterSeconds;
        long own = key.DeleteVersionAfterSeconds;
        if (mount < 0)
        {
            return null;
        }

        long seconds = (mount, own) switch
        {
            (0, _) => own,
            (_, 0) => mount,
            _ => Math.Min(mount, own),
        };
        return seconds > 0 ? from.AddSeconds(seconds) : null;
    }
}
