using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Support;

/// <summary>One row of Orleans' membership table, as the ADO.NET provider wrote it into PostgreSQL.</summary>
public sealed record MembershipRow(int Port, int Generation, int Status)
{
    public const int Active = 3;
    public const int Dead = 6;
}

public static class ClusterMembers
{
    public static async Task<IReadOnlyList<MembershipRow>> ReadAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT port, generation, status FROM orleans_cluster_members WHERE deployment_id = $1 ORDER BY port", connection);
        command.Parameters.AddWithValue(clusterId);
        await using var reader = await command.ExecuteReaderAsync();
        var members = new List<MembershipRow>();
        while (await reader.ReadAsync())
        {
            members.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return members;
    }
}
