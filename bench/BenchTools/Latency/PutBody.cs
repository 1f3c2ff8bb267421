namespace ConfigCluster.BenchTools.Latency;

/// <summary>The body of the probe's PUTs.</summary>
internal sealed record PutBody(string Value);
