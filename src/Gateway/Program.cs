using ConfigCluster.Gateway;

GatewayApp.Build(args).Run();

/// <summary>The gateway silo: the REST API on port 8082, co-hosted with an Orleans silo.</summary>
public partial class Program;
