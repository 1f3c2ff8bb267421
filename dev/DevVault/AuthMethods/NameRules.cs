using System.Text.RegularExpressions;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>framework.GenericNameRegex (the names a role path accepts) and strutil's glob matching of bound names.</summary>
internal static partial class NameRules
{
    /// <summary>A word character first and last, word characters, '-', '.' and '@' between (Go's \w is ASCII).</summary>
    public static bool IsGenericName(string name) => GenericName().IsMatch(name);

    /// <summary>strutil.StrListContainsGlob: an item may start and/or end with '*'.</summary>
    public static bool ContainsGlob(IEnumerable<string> items, string value) => items.Any(item => GlobMatches(item, value));

    private static bool GlobMatches(string item, string value)
    {
        if (item.Length < 2)
        {
            return value == item;
        }

        bool prefix = item.StartsWith('*');
        bool suffix = item.EndsWith('*');
        return (prefix, suffix) switch
        {
            (true, true) => value.Contains(item[1..^1], StringComparison.Ordinal),
            (true, false) => value.EndsWith(item[1..], StringComparison.Ordinal),
            (false, true) => value.StartsWith(item[..^1], StringComparison.Ordinal),
            _ => value == item,
        };
    }

    [GeneratedRegex(@"^[0-9A-Za-z_](?:[0-9A-Za-z_\-.@]*[0-9A-Za-z_])?\z")]
    private static partial Regex GenericName();
}
