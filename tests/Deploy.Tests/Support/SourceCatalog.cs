using System.Text.RegularExpressions;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// What an app's C# source declares, read as text: options classes (a <c>const string SectionName</c>
/// and <c>{ get; set; }</c> properties), connection-string names, string constants and enums.
/// </summary>
internal sealed partial class SourceCatalog
{
    private readonly IReadOnlyList<string> _files;

    public SourceCatalog(IReadOnlyList<string> files)
    {
        _files = files;
        Sections = files.Select(ParseOptions).OfType<OptionsSection>().ToList();
        ConnectionStringNames = files.SelectMany(f => GetConnectionStringCall().Matches(f).Concat(ConnectionStringNameConstant().Matches(f)))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<OptionsSection> Sections { get; }

    /// <summary>Names <c>X</c> the app reads as <c>ConnectionStrings:X</c> (<c>GetConnectionString("X")</c> or a <c>ConnectionStringName = "X"</c> constant).</summary>
    public IReadOnlySet<string> ConnectionStringNames { get; }

    public OptionsSection? Section(string name) =>
        Sections.SingleOrDefault(s => string.Equals(s.Section, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when some file has the exact C# string literal <c>"value"</c>.</summary>
    public bool HasLiteral(string value) => _files.Any(f => f.Contains($"\"{value}\"", StringComparison.Ordinal));

    public bool Mentions(string identifier) => _files.Any(f => f.Contains(identifier, StringComparison.Ordinal));

    /// <summary>The value of <c>const string {name} = "..."</c>; fails unless exactly one file declares it.</summary>
    public string StringConstant(string name)
    {
        var values = _files.SelectMany(f => StringConstantDeclaration().Matches(f))
            .Where(m => m.Groups["name"].Value == name)
            .Select(m => m.Groups["value"].Value)
            .Distinct()
            .ToList();
        Assert.True(values.Count == 1, $"Expected one value of the string constant {name} in the source, found [{string.Join(", ", values)}].");
        return values[0];
    }

    /// <summary>The members of <c>enum {name}</c>.</summary>
    public IReadOnlySet<string> EnumMembers(string name)
    {
        // Comments go first: a doc comment in the body may hold braces (<c>auth/{mount}/login</c>).
        var body = _files.SelectMany(f => EnumDeclaration().Matches(LineComment().Replace(f, string.Empty)))
            .Where(m => m.Groups["name"].Value == name)
            .Select(m => m.Groups["body"].Value)
            .SingleOrDefault();
        Assert.True(body is not null, $"No enum {name} in the source.");
        return body
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(member => member.Split('=')[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The initializer text of <c>{type} {property} { get; set; } = ...;</c> in the class <paramref name="className"/>.</summary>
    public string PropertyDefault(string className, string property)
    {
        var file = _files.SingleOrDefault(f => ClassDeclaration().Matches(f).Any(m => m.Groups["name"].Value == className));
        Assert.True(file is not null, $"No class {className} in the source.");
        var match = Regex.Match(file, $@"\b{Regex.Escape(property)}\s*\{{\s*get;\s*set;\s*\}}\s*=\s*(?<value>[^;]+);");
        Assert.True(match.Success, $"{className}.{property} has no default initializer.");
        return match.Groups["value"].Value.Trim();
    }

    private static OptionsSection? ParseOptions(string file)
    {
        var section = SectionNameConstant().Match(file);
        var className = ClassDeclaration().Match(file);
        if (!section.Success || !className.Success)
        {
            return null;
        }

        var properties = SettableProperty().Matches(file)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value.Trim(), StringComparer.OrdinalIgnoreCase);
        return new OptionsSection(className.Groups["name"].Value, section.Groups["section"].Value, properties);
    }

    [GeneratedRegex("""const\s+string\s+SectionName\s*=\s*"(?<section>[^"]+)"\s*;""")]
    private static partial Regex SectionNameConstant();

    [GeneratedRegex(@"(?:public|internal)\s+(?:sealed\s+|static\s+|partial\s+|abstract\s+)*class\s+(?<name>\w+)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"public\s+(?<type>[\w.<>?,\[\] ]+?)\s+(?<name>\w+)\s*\{\s*get;\s*set;\s*\}")]
    private static partial Regex SettableProperty();

    [GeneratedRegex("""GetConnectionString\(\s*"(?<name>\w+)"\s*\)""")]
    private static partial Regex GetConnectionStringCall();

    [GeneratedRegex("""const\s+string\s+ConnectionStringName\s*=\s*"(?<name>\w+)"\s*;""")]
    private static partial Regex ConnectionStringNameConstant();

    [GeneratedRegex("""const\s+string\s+(?<name>\w+)\s*=\s*"(?<value>[^"]*)"\s*;""")]
    private static partial Regex StringConstantDeclaration();

    [GeneratedRegex(@"\benum\s+(?<name>\w+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex EnumDeclaration();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();
}
