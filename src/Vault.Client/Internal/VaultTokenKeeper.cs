using Microsoft.Extensions.Hosting;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Keeps the client's token alive from start to stop: logs in at start (not waiting for a first call), then renews or
/// logs in again when <see cref="VaultAuthenticator.MaintainAsync"/> says. Start-up does not wait for Vault: a silo
/// whose login is refused starts, reports why (<see cref="VaultSysClient.AuthStatus"/>), and keeps trying.
/// </summary>
internal sealed class VaultTokenKeeper(VaultTransport transport, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = await transport.MaintainTokenAsync(stoppingToken);
                if (next == Timeout.InfiniteTimeSpan)
                {
                    return;
                }

                await Task.Delay(Clamp(next), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static TimeSpan Clamp(TimeSpan delay) => delay < Shortest ? Shortest : delay > Longest ? Longest : delay;
}
