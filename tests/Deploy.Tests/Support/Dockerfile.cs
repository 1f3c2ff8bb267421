using System.Text.Json;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>A Dockerfile read as a list of instructions.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<DockerInstruction> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    public string Path { get; }

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public IReadOnlyList<DockerInstruction> Stages => Of("FROM");

    public int FinalStage => Stages.Count - 1;

    public static Dockerfile Load(string relativePath)
    {
        var instructions = new List<DockerInstruction>();
        var stage = -1;
        foreach (var line in LogicalLines(RepoRoot.ReadText(relativePath)))
        {
            var split = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (split < 0 ? line : line[..split]).ToUpperInvariant();
            stage += keyword == "FROM" ? 1 : 0;
            instructions.Add(new DockerInstruction(instructions.Count, keyword, split < 0 ? string.Empty : line[(split + 1)..].Trim(), stage));
        }

        return new Dockerfile(relativePath, instructions);
    }

    public IReadOnlyList<DockerInstruction> Of(string keyword) => Instructions.Where(i => i.Keyword == keyword).ToList();

    /// <summary>The exec-form (JSON array) arguments of the final stage's ENTRYPOINT.</summary>
    public string[] Entrypoint()
    {
        var entrypoint = Of("ENTRYPOINT").LastOrDefault(i => i.Stage == FinalStage);
        Assert.True(entrypoint is not null, $"{Path} has no ENTRYPOINT in its final stage.");
        Assert.True(entrypoint.Arguments.StartsWith('['), $"{Path}: ENTRYPOINT must use the exec form (a JSON array) so that SIGTERM reaches dotnet.");
        return JsonSerializer.Deserialize<string[]>(entrypoint.Arguments) ?? [];
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            current = current.Length == 0 ? line : $"{current} {line}";
            if (current.EndsWith('\\'))
            {
                current = current[..^1].TrimEnd();
                continue;
            }

            if (current.Length > 0)
            {
                yield return current;
            }

            current = string.Empty;
        }
    }
}
