using ConfigCluster.Hosting;
using ConfigCluster.Hosting.Health;

var builder = WebApplication.CreateBuilder(args);
builder.AddConfigClusterSilo();

var app = builder.Build();
app.MapSiloHealth();
app.MapSiloMetrics();
app.Run();

/// <summary>A worker silo: hosts grains; serves only health and metrics over HTTP.</summary>
public partial class Program;
