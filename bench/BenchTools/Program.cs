using ConfigCluster.BenchTools;
using ConfigCluster.BenchTools.Latency;
using ConfigCluster.BenchTools.Reporting;
using ConfigCluster.BenchTools.Seeding;

// The benchmark's C# side; bench/run.sh calls each command in turn.
//   seed     creates the configs through the REST API
//   latency  times acknowledged writes until an in-cluster observer and a Kafka consumer hear of them
//   report   prints the table of wrk's rows and the latencies, and writes it as JSON
var options = CommandLineOptions.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "seed" => await Seeder.RunAsync(options),
    "latency" => await LatencyProbe.RunAsync(options),
    "report" => ResultReport.Run(options),
    _ => CommandLineOptions.Usage("usage: ConfigCluster.BenchTools seed|latency|report --name value ..."),
};
