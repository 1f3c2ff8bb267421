using System.Text;
using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>The migration endpoints as an operator calls them, and what the audit trail says of a migration.</summary>
public static class MigrationApi
{
    public const string StartPath = "/api/v1/admin/migrations/legacy-postgres";

    public static Task<HttpResponseMessage> StartMigrationAsync(this HttpClient http, object body) =>
        http.PostAsync(StartPath, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    /// <summary>Starts a run (asserting the 202 and its Location) and answers its location and the 202's body.</summary>
    public static async Task<(string Location, JsonElement Accepted)> StartedMigrationAsync(this HttpClient http, object body)
    {
        var response = await http.StartMigrationAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/api/v1/admin/migrations/", location);
        return (location, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> PollAsync(this HttpClient http, string location) =>
        JsonDocument.Parse(await http.GetStringAsync(location)).RootElement.Clone();

    /// <summary>Polls the run until it is no longer running, and answers its last poll.</summary>
    public static Task<JsonElement> FinishedAsync(this HttpClient http, string location, TimeSpan within) =>
        Eventually.ReachesAsync(() => http.PollAsync(location), run => run.GetProperty("state").GetString() != "running", within,
            $"migration {location} to finish");

    /// <summary>Committed <c>created</c> audit rows of <paramref name="environment"/>, per config path.</summary>
    public static async Task<Dictionary<string, int>> CreatedAuditRowsAsync(this PostgresTestDatabase database, string environment)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand(
            "SELECT environment || '/' || service_name || '/' || key, count(*)::int FROM config_changes " +
            "WHERE environment = @environment AND action = 'created' AND state = 'committed' GROUP BY 1", connection);
        select.Parameters.AddWithValue("environment", environment);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetInt32(1);
        }

        return rows;
    }

    public static long Count(this JsonElement report, string field) => report.GetProperty(field).GetInt64();
}
