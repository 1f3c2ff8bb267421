using System.Net.Sockets;

namespace ConfigCluster.Adapters.Postgres.LegacyMigration;

/// <summary>
/// Why a legacy table cannot be read, said without the server's message text: that text can quote a row's value
/// (a cast that failed) or the user's input, so only the SQLSTATE and a fixed phrase are shown.
/// </summary>
internal static class LegacySourceFailure
{
    public static bool IsSourceFailure(Exception exception, CancellationToken callerToken) => exception switch
    {
        OperationCanceledException => !callerToken.IsCancellationRequested,
        NpgsqlException or SocketException or IOException or TimeoutException or InvalidCastException => true,
        _ => false,
    };

    public static string Describe(Exception exception) => exception switch
    {
        PostgresException { SqlState: "42P01" } => "the legacy table does not exist (42P01)",
        PostgresException { SqlState: "42703" } => "a column of the legacy table does not exist (42703)",
        PostgresException { SqlState: "3D000" } => "the legacy database does not exist (3D000)",
        PostgresException { SqlState: "28P01" or "28000" } postgres => $"the legacy database refused the login ({postgres.SqlState})",
        PostgresException { SqlState: "42501" } => "the legacy database denied access to the table (42501)",
        PostgresException { SqlState: "22P02" or "42846" } postgres => $"a column of the legacy table has a type that cannot be read as required ({postgres.SqlState})",
        PostgresException postgres => $"the legacy database refused the request ({postgres.SqlState})",
        OperationCanceledException or TimeoutException or NpgsqlException { InnerException: TimeoutException } =>
            "the legacy database did not answer in time",
        NpgsqlException { InnerException: SocketException socket } => $"the legacy database is unreachable ({socket.SocketErrorCode})",
        SocketException socket => $"the legacy database is unreachable ({socket.SocketErrorCode})",
        InvalidCastException => "a column of the legacy table has a type that cannot be read as required",
        _ => $"the connection to the legacy database failed ({exception.GetType().Name})",
    };
}
