using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Hosting;

/// <summary>
/// Holds shutdown for <see cref="ClusterHostingOptions.ShutdownDrainDelay"/> before any service stops:
/// the host has already signalled ApplicationStopping, so readiness answers 503 while requests in flight
/// and those still routed here are served. Then Kestrel and the silo stop as usual.
/// </summary>
internal sealed class ShutdownDrain(IOptions<ClusterHostingOptions> options, TimeProvider time) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var delay = options.Value.ShutdownDrainDelay;
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
