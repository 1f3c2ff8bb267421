using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// The migrations embedded in this assembly (<c>Migrations/NNNN_name.sql</c>), in version order. A new
/// migration is a new file with the next number; a shipped file is never edited. Every <c>Migrations/*.sql</c>
/// is embedded by the project file, so adding the file registers it: <c>0001_change_log</c> (audit rows and
/// outbox), <c>0002_orleans_clustering</c> (Orleans' ADO.NET cluster membership and its query texts),
/// <c>0003_pending_by_id</c> (the index the relay's outbox read needs), <c>0004_idempotency_keys</c> (the keys
/// of retried writes and the changes they produced), <c>0005_api_keys</c> (hashed API keys, and the audit
/// trail's entity column), <c>0006_feature_flags</c> (feature flags), <c>0007_service_registry</c> (the service
/// registry, and Orleans' ADO.NET reminders), <c>0008_rollback_action</c> (the audit action <c>rolled_back</c>),
/// <c>0009_legacy_migrations</c> (runs of the legacy-table migration).
/// </summary>
internal static partial class MigrationCatalog
{
    private static readonly Lazy<IReadOnlyList<Migration>> Loaded = new(() => Load(typeof(MigrationCatalog).Assembly));

    public static IReadOnlyList<Migration> All => Loaded.Value;

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        List<Migration> migrations = [];
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (match.Success)
            {
                var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
                migrations.Add(new Migration(version, match.Groups["name"].Value, Read(assembly, resource)));
            }
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        var duplicate = migrations.Zip(migrations.Skip(1)).FirstOrDefault(pair => pair.First.Version == pair.Second.Version);
        return duplicate.First is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations have version {duplicate.First.Version}.");
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^Migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
