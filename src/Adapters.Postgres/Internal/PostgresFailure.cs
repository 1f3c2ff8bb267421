using System.Net.Sockets;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>Which exceptions mean "PostgreSQL is not there", and how to say so without any value.</summary>
internal static class PostgresFailure
{
    /// <summary>
    /// A failure of the database or the network, including our own time budget running out; not the
    /// caller cancelling (<paramref name="callerToken"/>), which stays an exception.
    /// </summary>
    public static bool IsInfrastructure(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        NpgsqlException or SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Worth retrying at start-up: the server or the network, not our SQL or our credentials.</summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>A short reason safe to show: SQLSTATE and server message, socket error, or timeout.</summary>
    public static string Describe(Exception exception, TimeSpan budget) => exception switch
    {
        PostgresException postgres => $"PostgreSQL refused the request ({postgres.SqlState}: {postgres.MessageText})",
        OperationCanceledException or TimeoutException => NoAnswer(budget),
        NpgsqlException { InnerException: TimeoutException } => NoAnswer(budget),
        NpgsqlException { InnerException: SocketException socket } => $"PostgreSQL is unreachable ({socket.SocketErrorCode})",
        SocketException socket => $"PostgreSQL is unreachable ({socket.SocketErrorCode})",
        _ => $"PostgreSQL connection failed ({exception.GetType().Name}: {exception.Message})",
    };

    private static string NoAnswer(TimeSpan budget) => $"PostgreSQL did not answer within {budget.TotalSeconds:0.#} s";
}
