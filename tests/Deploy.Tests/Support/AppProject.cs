using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// An app (src/Gateway or src/Silo) as its source says: the projects it is built from (itself and every
/// project it references, transitively), their C# text, packages and the app's appsettings.json.
/// </summary>
internal sealed class AppProject
{
    private static readonly ConcurrentDictionary<string, AppProject> Cache = new(StringComparer.Ordinal);

    private AppProject(string projectPath)
    {
        ProjectPath = projectPath;
        ProjectName = Path.GetFileNameWithoutExtension(projectPath);
        Closure = ProjectClosure(projectPath);
        var documents = Closure.ToDictionary(p => p, p => XDocument.Parse(RepoRoot.ReadText(p)), StringComparer.Ordinal);
        Sdk = documents[projectPath].Root?.Attribute("Sdk")?.Value ?? string.Empty;
        AssemblyName = documents[projectPath].Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
            ?? DefaultAssemblyName().Replace("$(MSBuildProjectName)", ProjectName, StringComparison.Ordinal);
        PackageReferences = documents.Values.SelectMany(d => d.Descendants("PackageReference"))
            .Select(e => e.Attribute("Include")?.Value ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Sources = new SourceCatalog(Closure.SelectMany(SourceFilesOf).Select(RepoRoot.ReadText).ToList());
        OwnSources = new SourceCatalog(SourceFilesOf(projectPath).Select(RepoRoot.ReadText).ToList());
        Appsettings = JsonNode.Parse(RepoRoot.ReadText($"{Path.GetDirectoryName(projectPath)!.Replace('\\', '/')}/appsettings.json"))?.AsObject()
            ?? throw new InvalidDataException($"{projectPath}: appsettings.json is not a JSON object.");
    }

    /// <summary>Repository-relative path of the app's .csproj.</summary>
    public string ProjectPath { get; }

    public string ProjectName { get; }

    /// <summary>The app's .csproj and every .csproj it references, transitively (repository-relative).</summary>
    public IReadOnlyList<string> Closure { get; }

    public string Sdk { get; }

    public string AssemblyName { get; }

    public IReadOnlySet<string> PackageReferences { get; }

    /// <summary>The C# source of every project in <see cref="Closure"/>.</summary>
    public SourceCatalog Sources { get; }

    /// <summary>The C# source of the app project alone (its Program and what it maps).</summary>
    public SourceCatalog OwnSources { get; }

    public JsonObject Appsettings { get; }

    public static AppProject Load(string projectPath) => Cache.GetOrAdd(projectPath, p => new AppProject(p));

    /// <summary>A value of appsettings.json by configuration key (<c>Cluster:SiloPort</c>), case-insensitive like configuration.</summary>
    public string? AppsettingsValue(string key)
    {
        JsonNode? node = Appsettings;
        foreach (var segment in key.Split(':'))
        {
            node = node is JsonObject obj
                ? obj.FirstOrDefault(p => string.Equals(p.Key, segment, StringComparison.OrdinalIgnoreCase)).Value
                : null;
        }

        return node?.ToString();
    }

    private static IReadOnlyList<string> ProjectClosure(string root)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var project))
        {
            if (seen.Contains(project, StringComparer.Ordinal))
            {
                continue;
            }

            seen.Add(project);
            var directory = Path.GetDirectoryName(RepoRoot.PathOf(project))!;
            foreach (var reference in XDocument.Parse(RepoRoot.ReadText(project)).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")?.Value.Replace('\\', '/') ?? string.Empty;
                pending.Push(RepoRoot.RelativeOf(Path.GetFullPath(Path.Combine(directory, include))));
            }
        }

        return seen;
    }

    private static IEnumerable<string> SourceFilesOf(string project)
    {
        var directory = Path.GetDirectoryName(RepoRoot.PathOf(project))!;
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(RepoRoot.RelativeOf)
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal));
    }

    private static string DefaultAssemblyName() =>
        XDocument.Parse(RepoRoot.ReadText("Directory.Build.props")).Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
            ?? "$(MSBuildProjectName)";
}
