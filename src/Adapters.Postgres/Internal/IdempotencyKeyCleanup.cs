using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// Deletes idempotency keys past their retention (<see cref="IdempotencyKey.Retention"/>) every
/// <see cref="Interval"/>, in batches, so the table holds about a day of keyed writes. Every silo runs one;
/// two deleting the same rows at once is harmless. Lookups ignore expired keys whether or not they are gone yet.
/// </summary>
internal sealed class IdempotencyKeyCleanup(
    NpgsqlDataSource dataSource, IOptions<PostgresOptions> options, TimeProvider time, ILogger<IdempotencyKeyCleanup> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private const int Batch = 5000;

    private readonly PostgresGuard _guard = new(dataSource, options.Value.CommandTimeout, logger);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            int deleted;
            do
            {
                deleted = await _guard.RunOrAsync("idempotency key cleanup", 0, DeleteBatchAsync, stoppingToken);
                if (deleted > 0)
                {
                    logger.ExpiredKeysDeleted(deleted);
                }
            }
            while (deleted == Batch && !stoppingToken.IsCancellationRequested);
        }
    }

    private static async Task<int> DeleteBatchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql.DeleteExpiredIdempotencyKeys, connection);
        ChangeRows.AddRetention(command.Parameters);
        command.Parameters.Add(new NpgsqlParameter<int>("batch", Batch));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
