using System.Text;

namespace ConfigCluster.Gateway.Apis;

/// <summary>The double-quoted strings of the YAML and dotenv files: the escapes they share, and each format's own.</summary>
internal static class EnvironmentQuoting
{
    /// <summary>
    /// <paramref name="text"/> in double quotes with <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\r</c> and <c>\t</c> escaped, and
    /// every other character as <paramref name="escapeOther"/> writes it (null: as it is).
    /// </summary>
    public static string DoubleQuoted(string text, Func<char, string?> escapeOther)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ => escapeOther(c) is { } escaped ? quoted.Append(escaped) : quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }
}
