using ConfigCluster.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddConfigClusterSilo();

var app = builder.Build();
app.MapSiloHealth();
app.Run();

/// <summary>A worker silo: hosts grains; serves only health over HTTP.</summary>
public partial class Program;
