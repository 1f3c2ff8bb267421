namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// Lets one line per key through per interval and counts the rest, so a broker outage (librdkafka reports every
/// failed connect) does not flood the log. Thread-safe; keys are a small fixed set (error codes, facilities).
/// </summary>
internal sealed class LogThrottle(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long LoggedAt, int Suppressed)> _entries = new(StringComparer.Ordinal);

    /// <summary>True when a line for <paramref name="key"/> may be logged now; then <paramref name="suppressed"/> says how many were held back since the last one.</summary>
    public bool TryEnter(string key, out int suppressed)
    {
        var now = timeProvider.GetTimestamp();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && timeProvider.GetElapsedTime(entry.LoggedAt, now) < interval)
            {
                _entries[key] = (entry.LoggedAt, entry.Suppressed + 1);
                suppressed = 0;
                return false;
            }

            suppressed = entry.Suppressed;
            _entries[key] = (now, 0);
            return true;
        }
    }
}
