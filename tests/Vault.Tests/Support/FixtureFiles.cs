using System.Globalization;

namespace ConfigCluster.Vault.Tests.Support;

/// <summary>
/// The Vault response fixtures of <c>&lt;repo&gt;/../shared/vault/fixtures</c> and their statuses, read from the
/// table in its README.md.
/// </summary>
internal static class FixtureFiles
{
    private static readonly Lazy<string> Folder = new(FindFolder);
    private static readonly Lazy<IReadOnlyDictionary<string, int>> Statuses = new(ReadStatuses);

    public static string Directory => Folder.Value;

    /// <summary>Every fixture file name without extension, sorted.</summary>
    public static IReadOnlyList<string> Names =>
        [.. System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    public static byte[] Body(string name) => File.ReadAllBytes(Path.Combine(Directory, name + ".json"));

    public static int Status(string name) =>
        Statuses.Value.TryGetValue(name, out var status)
            ? status
            : throw new InvalidOperationException($"fixtures/README.md lists no status for {name}.json");

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "vault", "fixtures");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Vault fixtures not found: no shared/vault/fixtures folder above {AppContext.BaseDirectory} (expected <repo>/../shared/vault/fixtures).");
    }

    private static IReadOnlyDictionary<string, int> ReadStatuses()
    {
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Directory, "README.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 3 && cells[1].EndsWith(".json", StringComparison.Ordinal)
                && int.TryParse(cells[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var status))
            {
                statuses[cells[1][..^".json".Length]] = status;
            }
        }

        return statuses;
    }
}
