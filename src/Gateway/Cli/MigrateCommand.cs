using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigCluster.Gateway.Cli;

/// <summary>
/// <c>migrate</c>: runs the legacy PostgreSQL migration on a running cluster by calling its admin endpoint, so the
/// command and the API share one implementation. Prints progress to the error stream and the final run (with its
/// report) as JSON to the output. Exit code 0 when the run completed with no failed row, 1 otherwise, 2 on bad usage.
/// </summary>
public static class MigrateCommand
{
    public const string Usage = """
        usage: ConfigCluster.Gateway migrate [--url URL] [--api-key KEY] --connection-string CS [--table configs]
                                              [--column FIELD=NAME]... [--dry-run] [--remove-migrated]
          --url                 the cluster (default $CONFIGCLUSTER_URL, else http://localhost:8082)
          --api-key             an API key with admin on */* (default $CONFIGCLUSTER_API_KEY; none: anonymous)
          --connection-string   the legacy database (default $CONFIGCLUSTER_LEGACY_CONNECTION_STRING, which keeps it out of ps)
          --column              a column name other than the default: key, value, environment, service_name, is_encrypted
        """;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter progress, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(progress);
        if (Parse(args, out var url, out var apiKey, out var body) is { } problem)
        {
            await progress.WriteLineAsync($"migrate: {problem}\n{Usage}");
            return 2;
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = url;
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        using var started = await http.PostAsync("/api/v1/admin/migrations/legacy-postgres",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var answer = await started.Content.ReadAsStringAsync();
        if (started.StatusCode != System.Net.HttpStatusCode.Accepted || started.Headers.Location is not { } location)
        {
            await progress.WriteLineAsync($"migrate: the cluster answered {(int)started.StatusCode}");
            await output.WriteLineAsync(answer);
            return 1;
        }

        var run = JsonNode.Parse(answer)!;
        while ((string?)run["state"] == "running")
        {
            await progress.WriteLineAsync($"migrate: {run["rows_done"]}/{run["rows_total"]} rows, {run["rows_per_second"]} rows/s");
            await Task.Delay(PollInterval);
            run = JsonNode.Parse(await http.GetStringAsync(location))!;
        }

        await output.WriteLineAsync(run.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return (string?)run["state"] == "completed" && (long?)run["report"]?["failed_count"] == 0 ? 0 : 1;
    }

    private static string? Parse(string[] args, out Uri url, out string? apiKey, out JsonObject body)
    {
        url = new Uri(Environment.GetEnvironmentVariable("CONFIGCLUSTER_URL") is { Length: > 0 } u ? u : "http://localhost:8082");
        apiKey = Environment.GetEnvironmentVariable("CONFIGCLUSTER_API_KEY") is { Length: > 0 } k ? k : null;
        var connectionString = Environment.GetEnvironmentVariable("CONFIGCLUSTER_LEGACY_CONNECTION_STRING");
        body = [];
        JsonObject columns = [];
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--url" when Next() is { } value && Uri.TryCreate(value, UriKind.Absolute, out var parsed):
                    url = parsed;
                    break;
                case "--api-key" when Next() is { } value:
                    apiKey = value;
                    break;
                case "--connection-string" when Next() is { } value:
                    connectionString = value;
                    break;
                case "--table" when Next() is { } value:
                    body["table"] = value;
                    break;
                case "--column" when Next() is { } value && value.Split('=', 2) is [var field, var name]:
                    columns[field] = name;
                    break;
                case "--dry-run":
                    body["dry_run"] = true;
                    break;
                case "--remove-migrated":
                    body["remove_migrated"] = true;
                    break;
                default:
                    // Never echo the argument: it may be the connection string.
                    return $"argument {i + 1} is not understood.";
            }
        }

        if (string.IsNullOrEmpty(connectionString))
        {
            return "--connection-string (or $CONFIGCLUSTER_LEGACY_CONNECTION_STRING) is required.";
        }

        body["connection_string"] = connectionString;
        if (columns.Count > 0)
        {
            body["columns"] = columns;
        }

        return null;
    }
}
