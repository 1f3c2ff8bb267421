using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// An environment file in YAML, the shape of the JSON file: a mapping of services, each a mapping of keys, each a
/// mapping with <c>value</c> (a string, or <c>null</c> for an encrypted config exported without its value) and
/// <c>is_encrypted</c> (<c>true</c> or <c>false</c>). Written with every name and value double-quoted; read with
/// YamlDotNet and then strictly: one document, no tags, no other fields, no duplicate names. An unquoted value is
/// taken as written (<c>value: 42</c> is the string "42"), except <c>null</c> and <c>~</c>.
/// </summary>
internal static class EnvironmentYamlFile
{
    public static byte[] Write(IReadOnlyList<EnvironmentEntry> entries, string header)
    {
        var yaml = new StringBuilder().Append("# ").Append(header).Append('\n');
        if (entries.Count == 0)
        {
            yaml.Append("{}\n");
        }

        foreach (var service in entries.GroupBy(e => e.ServiceName, StringComparer.Ordinal))
        {
            yaml.Append(Quoted(service.Key)).Append(":\n");
            foreach (var entry in service)
            {
                yaml.Append("  ").Append(Quoted(entry.Key)).Append(":\n")
                    .Append("    value: ").Append(entry.Value is null ? "null" : Quoted(entry.Value)).Append('\n')
                    .Append("    is_encrypted: ").Append(entry.IsEncrypted ? "true" : "false").Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(yaml.ToString());
    }

    /// <summary>The entries of <paramref name="text"/>, or null and why it is malformed.</summary>
    public static IReadOnlyList<EnvironmentEntry>? Read(string text, out string? error)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or ArgumentException)
        {
            error = e is YamlException yaml ? $"The YAML is malformed at line {yaml.Start.Line}." : "The YAML is malformed.";
            return null;
        }

        error = null;
        if (stream.Documents.Count > 1)
        {
            error = "The YAML must be one document.";
            return null;
        }

        var entries = new List<EnvironmentEntry>();
        if (stream.Documents.Count == 0)
        {
            return entries;
        }

        var root = stream.Documents[0].RootNode;
        if (Mapping(root, "the top level", ref error) is not { } services)
        {
            return null;
        }

        foreach (var (service, keys) in services)
        {
            foreach (var (key, fields) in Mapping(keys, $"service '{service}'", ref error) ?? [])
            {
                if (Entry(service, key, fields, ref error) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return error is null ? entries : null;
    }

    private static EnvironmentEntry? Entry(string service, string key, YamlNode node, ref string? error)
    {
        var fields = new EnvironmentEntryFields(service, key);
        foreach (var (name, field) in Mapping(node, fields.Where, ref error) ?? [])
        {
            switch (name, Scalar(field))
            {
                case ("value", { } scalar):
                    fields.Value(IsNull(scalar) ? null : scalar.Value);
                    break;
                case ("is_encrypted", { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" }):
                    fields.IsEncrypted(true);
                    break;
                case ("is_encrypted", { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" }):
                    fields.IsEncrypted(false);
                    break;
                default:
                    error ??= fields.Refusal(name);
                    break;
            }
        }

        return fields.Entry(ref error);
    }

    /// <summary>The pairs of a mapping whose names are untagged scalars, each once; else null and the error.</summary>
    private static List<(string Name, YamlNode Value)>? Mapping(YamlNode node, string where, ref string? error)
    {
        if (node is not YamlMappingNode mapping || !node.Tag.IsEmpty)
        {
            error ??= $"{where} must be a mapping.";
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new List<(string, YamlNode)>();
        foreach (var (name, value) in mapping.Children)
        {
            if (Scalar(name) is not { Value: { } text } || IsNull((YamlScalarNode)name) || !names.Add(text))
            {
                error ??= $"{where} holds a name that is not a string, or a name given twice.";
                continue;
            }

            pairs.Add((text, value));
        }

        return pairs;
    }

    private static YamlScalarNode? Scalar(YamlNode node) => node is YamlScalarNode scalar && scalar.Tag.IsEmpty ? scalar : null;

    private static bool IsNull(YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A YAML double-quoted scalar: escapes for quotes, backslashes and every character YAML would fold or refuse.</summary>
    private static string Quoted(string text) => EnvironmentQuoting.DoubleQuoted(text, c => c switch
    {
        < ' ' or (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' =>
            "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    });
}
