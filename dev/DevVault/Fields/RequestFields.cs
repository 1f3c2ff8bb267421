using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ConfigCluster.DevVault.Fields;

/// <summary>
/// The raw request data Vault hands to a backend: the JSON body object for writes, the query
/// parameters for reads, lists and deletes.
/// </summary>
internal sealed class RequestFields
{
    private readonly Dictionary<string, FieldValue> _values;

    private RequestFields(Dictionary<string, FieldValue> values, JsonElement? body)
    {
        _values = values;
        Body = body;
    }

    public static RequestFields Empty { get; } = new([], null);

    /// <summary>The JSON body object when the data came from a body (KV v1 stores it whole).</summary>
    public JsonElement? Body { get; }

    public int Count => _values.Count;

    public IEnumerable<string> Names => _values.Keys;

    /// <summary>From a JSON object whose keys are already known to be unique.</summary>
    public static RequestFields FromJson(JsonElement body)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (JsonProperty property in body.EnumerateObject())
        {
            values[property.Name] = FieldValue.FromJson(property.Value);
        }

        return new RequestFields(values, body);
    }

    public static RequestFields FromQuery(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return Empty;
        }

        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach ((string key, StringValues value) in query)
        {
            values[key] = FieldValue.FromText(value.Count > 0 ? value[0] ?? "" : "");
        }

        return new RequestFields(values, null);
    }

    public bool TryGet(string name, out FieldValue value) => _values.TryGetValue(name, out value);
}
