using ConfigCluster.DevVault;
using ConfigCluster.DevVault.Hosting;

// The dev executable used by ./run.sh: `vault server -dev` for this project.
DevVaultOptions options = DevVaultEnvironment.ReadOptions();
using var shutdown = new ShutdownSignal();
await using DevVaultServer server = await DevVaultServer.StartAsync(options);
DevVaultBanner.Print(server, options);
await shutdown.Signalled;
await server.StopAsync();
