using ConfigCluster.BenchTools;
using ConfigCluster.BenchTools.Flags;
using ConfigCluster.BenchTools.Latency;
using ConfigCluster.BenchTools.Paced;
using ConfigCluster.BenchTools.Registry;
using ConfigCluster.BenchTools.Reporting;
using ConfigCluster.BenchTools.Seeding;

// The benchmark's C# side; bench/run.sh calls each command in turn.
//   seed            creates the configs through the REST API
//   seed-flags      creates the flags through the REST API
//   seed-registry   registers the registry's instances through the REST API
//   flag-latency    times flag changes until every other gateway evaluates them
//   registry-death  times an instance's death until queries of the registry show it critical
//   paced           an open-loop run of cached GETs at a fixed rate: latency at a load the server can carry
//   latency         times acknowledged writes until an in-cluster observer and a Kafka consumer hear of them
//   report          prints the table of wrk's rows and the latencies, and writes it as JSON
var options = CommandLineOptions.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "seed" => await Seeder.RunAsync(options),
    "seed-flags" => await FlagSeeder.RunAsync(options),
    "seed-registry" => await RegistrySeeder.RunAsync(options),
    "flag-latency" => await FlagLatencyProbe.RunAsync(options),
    "registry-death" => await RegistryDeathProbe.RunAsync(options),
    "latency" => await LatencyProbe.RunAsync(options),
    "paced" => await PacedLoad.RunAsync(options),
    "report" => ResultReport.Run(options),
    _ => CommandLineOptions.Usage("usage: ConfigCluster.BenchTools seed|seed-flags|seed-registry|latency|flag-latency|registry-death|paced|report --name value ..."),
};
