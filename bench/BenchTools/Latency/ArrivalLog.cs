using System.Collections.Concurrent;

namespace ConfigCluster.BenchTools.Latency;

/// <summary>When each change (config key and version) was first heard of, on this process's monotonic clock.</summary>
internal sealed class ArrivalLog
{
    private readonly ConcurrentDictionary<(string Key, long Version), long> _arrivals = new();

    public void Record(string key, long version) => _arrivals.TryAdd((key, version), Stopwatch.GetTimestamp());

    public bool TryGet(string key, long version, out long timestamp) => _arrivals.TryGetValue((key, version), out timestamp);

    public bool Has(string key, long version) => _arrivals.ContainsKey((key, version));
}
