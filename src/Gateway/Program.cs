using ConfigCluster.Gateway;
using ConfigCluster.Gateway.Cli;

if (args is ["migrate", .. var options])
{
    return await MigrateCommand.RunAsync(options, Console.Out, Console.Error);
}

await GatewayApp.Build(args).RunAsync();
return 0;

/// <summary>The gateway silo: the REST API on port 8082, co-hosted with an Orleans silo; <c>migrate</c> runs a legacy migration on a cluster.</summary>
public partial class Program;
