using Microsoft.Extensions.Hosting;

namespace ConfigCluster.DevVault.Hosting;

/// <summary>
/// Keeps the embedded host from hooking Ctrl-C/SIGTERM (tests host several servers in one process);
/// the dev executable handles signals itself.
/// </summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
