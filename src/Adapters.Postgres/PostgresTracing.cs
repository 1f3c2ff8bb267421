using System.Diagnostics;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>
/// Spans of the PostgreSQL work a request waits for but does not run itself: a change-log statement goes out in a
/// group-commit batch on the batcher's own task (whose Npgsql span is in a trace of its own), so the request's trace
/// gets a span of its wait, tagged as a PostgreSQL call. Statement names only; never a parameter.
/// </summary>
public static class PostgresTracing
{
    public const string SourceName = "ConfigCluster.Postgres";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string operation)
    {
        var span = Source.StartActivity($"config_changes {operation}", ActivityKind.Client);
        span?.SetTag("db.system.name", "postgresql");
        span?.SetTag("db.operation.name", operation);
        span?.SetTag("db.collection.name", "config_changes");
        return span;
    }
}
