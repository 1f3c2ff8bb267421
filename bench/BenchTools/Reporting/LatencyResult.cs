namespace ConfigCluster.BenchTools.Reporting;

/// <summary>
/// What the latency probe measured: each write's own latency (send to ack), and from its ack until the
/// in-cluster observer and the Kafka consumer heard of it.
/// </summary>
internal sealed record LatencyResult(int Writes, double IntervalMs, LatencyStats Write, LatencyStats Observer, LatencyStats Kafka);
