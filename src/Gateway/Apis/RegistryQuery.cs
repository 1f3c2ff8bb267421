using System.Globalization;
using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads the registry API's query: the filters of an instance list (<c>healthy</c>, <c>tag</c>,
/// <c>metadata.{key}=value</c>) and a blocking query's <c>index</c> and <c>wait</c>.
/// </summary>
internal static class RegistryQuery
{
    public const string IndexHeader = "X-Registry-Index";

    private const string MetadataPrefix = "metadata.";
    private static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(1);

    /// <summary>What an instance list asks for; <see cref="Filtered"/> is false when it asks for all instances or only healthy ones.</summary>
    public sealed record Filter(bool HealthyOnly, string? Tag, IReadOnlyList<KeyValuePair<string, string>> Metadata)
    {
        public bool Filtered => Tag is not null || Metadata.Count > 0;

        public bool Matches(RegistryInstance instance) =>
            (!HealthyOnly || instance.Status == InstanceStatus.Passing) &&
            (Tag is null || instance.Registration.Tags.Contains(Tag, StringComparer.Ordinal)) &&
            Metadata.All(m => instance.Registration.Metadata.TryGetValue(m.Key, out var value) && value == m.Value);
    }

    public static Filter FilterOf(HttpRequest request, RequestErrors errors)
    {
        var query = RawQuery.Of(request);
        var healthy = ConfigQuery.Single(query, "healthy", errors);
        if (healthy is not (null or "true" or "false"))
        {
            errors.Add("healthy", "'healthy' must be 'true' or 'false'.");
        }

        var tag = ConfigQuery.Single(query, "tag", errors);
        List<KeyValuePair<string, string>> metadata = [];
        foreach (var (name, values) in request.Query)
        {
            if (!name.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (name.Length == MetadataPrefix.Length || values.Count != 1)
            {
                errors.Add(name, "A metadata filter is 'metadata.{key}=value', given once per key.");
                continue;
            }

            metadata.Add(new(name[MetadataPrefix.Length..], values[0] ?? ""));
        }

        return new Filter(healthy == "true", string.IsNullOrEmpty(tag) ? null : tag, metadata);
    }

    /// <summary>
    /// A blocking query's index and wait: null when <c>index</c> is not given (answer at once); the wait defaults to
    /// a minute and is cut to <paramref name="maxWait"/>.
    /// </summary>
    public static (long Index, TimeSpan Wait)? Blocking(RawQuery query, TimeSpan maxWait, RequestErrors errors)
    {
        var index = ConfigQuery.Single(query, "index", errors);
        var wait = ConfigQuery.Single(query, "wait", errors);
        TimeSpan duration = DefaultWait;
        if (wait is not null && !RegistryDuration.TryParse(wait, out duration))
        {
            errors.Add("wait", "'wait' must be a duration with a unit, such as \"30s\" or \"5m\".");
        }

        if (index is null)
        {
            return null;
        }

        if (!long.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
        {
            errors.Add("index", "'index' must be a whole number of at least 0, as sent in X-Registry-Index.");
            return null;
        }

        return (after, duration > maxWait ? maxWait : duration);
    }
}
