using System.Text.Json;
using ConfigCluster.Gateway.LegacyMigration;
using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Reads <c>{"connection_string", "table", "columns": {...}, "dry_run", "remove_migrated"}</c> strictly. Messages
/// name the field, never what was sent: the connection string is a credential.
/// </summary>
internal static class LegacyMigrationBodyReader
{
    public const long MaxBodyBytes = 64 * 1024;
    private static readonly HashSet<string> Fields = ["connection_string", "table", "columns", "dry_run", "remove_migrated"];
    private static readonly HashSet<string> ColumnFields = ["key", "value", "environment", "service_name", "is_encrypted"];

    public static async Task<LegacyMigrationRequest?> ReadAsync(HttpRequest request, RequestErrors errors, CancellationToken cancellationToken)
    {
        var (document, fields) = await JsonBodyReader.ReadObjectAsync(request, Fields, errors, cancellationToken);
        using var body = document;
        if (body is null)
        {
            return null;
        }

        var connectionString = fields.TryGetValue("connection_string", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add("connection_string", "'connection_string' is required: a postgresql:// URI or Npgsql keywords of the legacy database.");
        }

        var table = Name(fields, "table", LegacyTable.Default.Table, qualified: true, errors);
        var columns = Columns(fields, errors);
        var dryRun = Flag(fields, "dry_run", errors);
        var removeMigrated = Flag(fields, "remove_migrated", errors);
        if (errors.Any)
        {
            return null;
        }

        string Column(string field) => columns.TryGetValue(field, out var name) ? name : LegacyTable.Default.Columns.First(d => d.Field == field).Column;
        var legacyTable = new LegacyTable(table!, Column("key"), Column("value"), Column("environment"), Column("service_name"), Column("is_encrypted"));
        return new LegacyMigrationRequest(connectionString!, legacyTable, dryRun, removeMigrated);
    }

    private static Dictionary<string, string> Columns(Dictionary<string, JsonElement> fields, RequestErrors errors)
    {
        Dictionary<string, string> columns = new(StringComparer.Ordinal);
        if (!fields.TryGetValue("columns", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return columns;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add("columns", "'columns' must be an object naming the columns: key, value, environment, service_name, is_encrypted.");
            return columns;
        }

        foreach (var property in element.EnumerateObject())
        {
            var field = $"columns.{property.Name}";
            if (!ColumnFields.Contains(property.Name))
            {
                errors.Add(field, $"Unknown column field '{property.Name}'. Allowed: {string.Join(", ", ColumnFields.Order())}.");
            }
            else if (property.Value.ValueKind != JsonValueKind.String || LegacyTable.CheckIdentifier(property.Value.GetString()!, qualified: false) is not null)
            {
                errors.Add(field, $"'{field}' {LegacyTable.CheckIdentifier(string.Empty, qualified: false)}");
            }
            else if (!columns.TryAdd(property.Name, property.Value.GetString()!))
            {
                errors.Add(field, $"Field '{field}' appears more than once.");
            }
        }

        return columns;
    }

    private static string? Name(Dictionary<string, JsonElement> fields, string field, string fallback, bool qualified, RequestErrors errors)
    {
        if (!fields.TryGetValue(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (element.ValueKind == JsonValueKind.String && LegacyTable.CheckIdentifier(element.GetString()!, qualified) is null)
        {
            return element.GetString();
        }

        errors.Add(field, $"'{field}' {LegacyTable.CheckIdentifier(string.Empty, qualified)}");
        return null;
    }

    private static bool Flag(Dictionary<string, JsonElement> fields, string field, RequestErrors errors)
    {
        if (!fields.TryGetValue(field, out var element))
        {
            return false;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        errors.Add(field, $"'{field}' must be true or false.");
        return false;
    }
}
