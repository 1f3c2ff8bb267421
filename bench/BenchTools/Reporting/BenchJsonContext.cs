using System.Text.Json.Serialization;
using ConfigCluster.BenchTools.Latency;

namespace ConfigCluster.BenchTools.Reporting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(BenchResult))]
[JsonSerializable(typeof(WrkSummary))]
[JsonSerializable(typeof(LatencyResult))]
[JsonSerializable(typeof(LatencyStats))]
[JsonSerializable(typeof(PutBody))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
