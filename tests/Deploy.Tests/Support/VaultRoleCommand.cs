using System.Text.RegularExpressions;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// A <c>vault write auth/{mount}/role/{name} key=value ...</c> command of deploy/README.md: the Vault role the README
/// tells operators to create, with its parameters (<c>bound_service_account_names</c>, <c>audience</c>, ...).
/// </summary>
internal sealed partial record VaultRoleCommand(string Mount, string Name, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Every role command of the README, continuation lines (<c>\</c>) joined.</summary>
    public static IReadOnlyList<VaultRoleCommand> InReadme() =>
        ContinuationBreak().Replace(RepoRoot.ReadText(DeployPaths.Readme), " ").Split('\n')
            .Select(line => line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words is ["vault", "write", _, ..] && RolePath().IsMatch(words[2]))
            .Select(Parse)
            .ToList();

    /// <summary>The README's command for the role <paramref name="name"/> at the auth mount <paramref name="mount"/>; fails unless there is exactly one.</summary>
    public static VaultRoleCommand Single(string mount, string name)
    {
        var found = InReadme().Where(r => r.Mount == mount && r.Name == name).ToList();
        Assert.True(found.Count == 1, $"{DeployPaths.Readme} should write the Vault role auth/{mount}/role/{name} once, found {found.Count}.");
        return found[0];
    }

    /// <summary>A comma-separated parameter as a list; empty when the command does not set it.</summary>
    public IReadOnlyList<string> List(string parameter) =>
        Parameters.TryGetValue(parameter, out var value) ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];

    private static VaultRoleCommand Parse(string[] words)
    {
        var path = RolePath().Match(words[2]);
        var parameters = words.Skip(3).Select(w => w.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim('"', '\''), StringComparer.Ordinal);
        return new VaultRoleCommand(path.Groups["mount"].Value, path.Groups["name"].Value, parameters);
    }

    [GeneratedRegex(@"^auth/(?<mount>[^\s]+)/role/(?<name>[^/\s]+)$")]
    private static partial Regex RolePath();

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationBreak();
}
