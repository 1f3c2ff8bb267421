using System.Text;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// An environment file in dotenv form, for one service: a line <c>key="value"</c> per config, the key as the config
/// names it (not renamed, so that an import gives back the same keys), the value double-quoted with <c>\\</c>,
/// <c>\"</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\$</c> escaped. An encrypted config ends its line with
/// <c># encrypted</c>; one exported without its value is the comment line <c># key: encrypted, value not exported</c>.
/// Read strictly: blank lines and other comments are skipped, <c>export </c> before a key is allowed, a value may
/// also be single-quoted (taken literally) or bare (no quotes, backslashes, <c>#</c> or spaces inside); anything
/// else, or a key given twice, is malformed.
/// </summary>
internal static class EnvironmentDotenvFile
{
    private const string EncryptedMarker = "# encrypted";
    private const string NotExportedSuffix = ": encrypted, value not exported";

    public static byte[] Write(IReadOnlyList<EnvironmentEntry> entries, string header)
    {
        var dotenv = new StringBuilder().Append("# ").Append(header).Append('\n');
        foreach (var entry in entries)
        {
            _ = entry.Value is null
                ? dotenv.Append("# ").Append(entry.Key).Append(NotExportedSuffix)
                : dotenv.Append(entry.Key).Append('=').Append(Quoted(entry.Value)).Append(entry.IsEncrypted ? " " + EncryptedMarker : "");
            dotenv.Append('\n');
        }

        return Encoding.UTF8.GetBytes(dotenv.ToString());
    }

    /// <summary>The entries of <paramref name="text"/>, all of <paramref name="serviceName"/>, or null and why it is malformed.</summary>
    public static IReadOnlyList<EnvironmentEntry>? Read(string text, string serviceName, out string? error)
    {
        error = null;
        var entries = new List<EnvironmentEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var number = 1; number <= lines.Length && error is null; number++)
        {
            var line = lines[number - 1].TrimEnd('\r').Trim();
            var entry = line switch
            {
                "" => null,
                ['#', ..] when line.EndsWith(NotExportedSuffix, StringComparison.Ordinal) =>
                    new EnvironmentEntry(serviceName, line[1..^NotExportedSuffix.Length].Trim(), null, IsEncrypted: true),
                ['#', ..] => null,
                _ => Assignment(line, serviceName, out error),
            };
            if (error is not null)
            {
                error = $"Line {number}: {error}";
            }
            else if (entry is not null && !keys.Add(entry.Key))
            {
                error = $"Line {number}: '{entry.Key}' is given twice.";
            }
            else if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return error is null ? entries : null;
    }

    private static EnvironmentEntry? Assignment(string line, string serviceName, out string? error)
    {
        error = null;
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? "" : line[..equals].Trim();
        key = key.StartsWith("export ", StringComparison.Ordinal) ? key["export ".Length..].Trim() : key;
        if (key.Length == 0 || key.Any(char.IsWhiteSpace))
        {
            error = "expected 'key=value'.";
            return null;
        }

        var rest = line[(equals + 1)..].TrimStart();
        var (value, after) = rest switch
        {
            ['"', ..] => DoubleQuoted(rest, out error),
            ['\'', ..] => SingleQuoted(rest, out error),
            _ => Bare(rest, out error),
        };
        if (error is not null)
        {
            return null;
        }

        var trailer = after.Trim();
        if (trailer.Length != 0 && trailer != EncryptedMarker)
        {
            error = $"only '{EncryptedMarker}' may follow a value.";
            return null;
        }

        return new EnvironmentEntry(serviceName, key, value, IsEncrypted: trailer.Length != 0);
    }

    private static (string? Value, string After) DoubleQuoted(string rest, out string? error)
    {
        error = null;
        var value = new StringBuilder();
        for (var i = 1; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case '"':
                    return (value.ToString(), rest[(i + 1)..]);
                case '\\' when i + 1 < rest.Length:
                    i++;
                    var escaped = rest[i] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', '\\' => '\\', '"' => '"', '$' => '$', _ => '\0' };
                    if (escaped == '\0')
                    {
                        error = $"unknown escape '\\{rest[i]}' in a double-quoted value.";
                        return (null, "");
                    }

                    value.Append(escaped);
                    break;
                default:
                    value.Append(rest[i]);
                    break;
            }
        }

        error = "a double-quoted value is not closed on its line.";
        return (null, "");
    }

    private static (string? Value, string After) SingleQuoted(string rest, out string? error)
    {
        var end = rest.IndexOf('\'', 1);
        error = end < 0 ? "a single-quoted value is not closed on its line." : null;
        return end < 0 ? (null, "") : (rest[1..end], rest[(end + 1)..]);
    }

    private static (string? Value, string After) Bare(string rest, out string? error)
    {
        var end = rest.IndexOfAny([' ', '\t']);
        var (value, after) = end < 0 ? (rest, "") : (rest[..end], rest[end..]);
        error = value.AsSpan().ContainsAny("\"'\\#") ? "an unquoted value may not hold quotes, backslashes or '#'; quote it." : null;
        return (error is null ? value : null, after);
    }

    /// <summary>A double-quoted dotenv value; <c>$</c> is escaped too, so that no loader interpolates it.</summary>
    private static string Quoted(string value) => EnvironmentQuoting.DoubleQuoted(value, c => c == '$' ? "\\$" : null);
}
