using ConfigCluster.Client;
using ConfigCluster.ConfigWatcher;

// A service inside the cluster: it joins as an Orleans client (the silos' Cluster:* settings and
// ConnectionStrings:Postgres) and prints one line per acknowledged change of the watched configs.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout carries only the change lines
builder.AddConfigClusterClient();
builder.Services.AddWatchTarget();
builder.Services.AddHostedService<ChangePrinter>();
await builder.Build().RunAsync();
