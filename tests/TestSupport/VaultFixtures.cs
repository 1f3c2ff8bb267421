using System.Globalization;

namespace ConfigCluster.TestSupport;

/// <summary>
/// The recorded Vault response bodies of <c>tests/Fixtures/Vault</c> (copied next to the test binaries)
/// and their HTTP statuses, read from the table in that folder's README.md.
/// </summary>
public static class VaultFixtures
{
    private static readonly Lazy<IReadOnlyDictionary<string, int>> Statuses = new(ReadStatuses);

    /// <summary>The folder of the fixtures beside the running test assembly.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Vault");

    /// <summary>Every fixture file name without extension, sorted.</summary>
    public static IReadOnlyList<string> Names =>
        [.. System.IO.Directory.GetFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    /// <summary>The body bytes of a fixture, named with or without its <c>.json</c> extension.</summary>
    public static byte[] Body(string name) => File.ReadAllBytes(Path.Combine(Directory, WithoutExtension(name) + ".json"));

    public static int Status(string name) =>
        Statuses.Value.TryGetValue(WithoutExtension(name), out var status)
            ? status
            : throw new InvalidOperationException($"tests/Fixtures/Vault/README.md lists no status for {name}");

    private static string WithoutExtension(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) ? name[..^".json".Length] : name;

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
