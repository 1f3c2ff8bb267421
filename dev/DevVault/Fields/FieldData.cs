using System.Text.Json;

namespace ConfigCluster.DevVault.Fields;

/// <summary>Request fields converted to their declared types, plus what the framework warns about.</summary>
internal sealed class FieldData
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public FieldData(RequestFields raw)
    {
        Raw = raw;
    }

    /// <summary>Shared, never modified: the fields of a request without any data (the common GET).</summary>
    public static FieldData None { get; } = new(RequestFields.Empty);

    public RequestFields Raw { get; }

    public List<string> Ignored { get; } = [];

    /// <summary>Path-captured fields the body also sent (the URL's value wins).</summary>
    public List<string> Replaced { get; } = [];

    public void Set(string name, object? value) => _values[name] = value;

    public bool Has(string name) => _values.ContainsKey(name);

    public long GetInt(string name) => _values.TryGetValue(name, out object? value) && value is long number ? number : 0;

    public bool GetBool(string name) => _values.TryGetValue(name, out object? value) && value is true;

    public long GetSeconds(string name) => GetInt(name);

    /// <summary>The converted string, or <paramref name="fallback"/> when the request did not send the field.</summary>
    public string GetString(string name, string fallback = "") =>
        _values.TryGetValue(name, out object? value) && value is string text ? text : fallback;

    /// <summary>The converted list, or an empty one when the request did not send the field.</summary>
    public IReadOnlyList<string> GetStrings(string name) =>
        _values.TryGetValue(name, out object? value) && value is List<string> list ? list : [];

    public JsonElement? GetMap(string name) => _values.TryGetValue(name, out object? value) ? value as JsonElement? : null;

    public IReadOnlyList<long> GetInts(string name) =>
        _values.TryGetValue(name, out object? value) && value is List<long> list ? list : [];

    /// <summary>The framework's warnings for unknown and path-overridden parameters (write operations).</summary>
    public List<string>? FrameworkWarnings()
    {
        if (Ignored.Count == 0 && Replaced.Count == 0)
        {
            return null;
        }

        var warnings = new List<string>();
        if (Ignored.Count > 0)
        {
            warnings.Add($"Endpoint ignored these unrecognized parameters: [{string.Join(' ', Ignored.Order(StringComparer.Ordinal))}]");
        }

        if (Replaced.Count > 0)
        {
            warnings.Add($"Endpoint replaced the value of these parameters with the values captured from the endpoint's path: [{string.Join(' ', Replaced.Order(StringComparer.Ordinal))}]");
        }

        return warnings;
    }
}
