using System.Text;
using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Access;

/// <summary>
/// Grants as JSON, as the API, a JWT claim, the audit trail and the key table write them:
/// <c>[{"environment": "production" | "*", "service_name": "billing" | "*", "actions": ["read", "reveal", "write", "admin"]}]</c>.
/// </summary>
public static class GrantsJson
{
    private static readonly (string Name, AccessActions Action)[] ActionNames =
        [("read", AccessActions.Read), ("reveal", AccessActions.Reveal), ("write", AccessActions.Write), ("admin", AccessActions.Admin)];

    public static string Write(Grants grants)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var grant in grants.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("environment", grant.Environment);
                writer.WriteString("service_name", grant.ServiceName);
                writer.WriteStartArray("actions");
                foreach (var (name, action) in ActionNames.Where(a => grant.Actions.HasFlag(a.Action)))
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Grants from an array of grant objects; null and the first problem when one is malformed.</summary>
    public static Grants? Read(JsonElement array, out string? problem)
    {
        problem = null;
        if (array.ValueKind != JsonValueKind.Array)
        {
            problem = "'grants' must be an array of {environment, service_name, actions} objects.";
            return null;
        }

        List<Grant> grants = [];
        foreach (var item in array.EnumerateArray())
        {
            if (ReadGrant(item, out problem) is not { } grant)
            {
                return null;
            }

            grants.Add(grant);
        }

        return new Grants(grants);
    }

    public static Grants? Read(string json, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, out problem);
        }
        catch (JsonException)
        {
            problem = "The grants are not valid JSON.";
            return null;
        }
    }

    private static Grant? ReadGrant(JsonElement item, out string? problem)
    {
        problem = "Each grant must be {\"environment\": name or \"*\", \"service_name\": name or \"*\", \"actions\": [\"read\" | \"reveal\" | \"write\" | \"admin\", ...]}.";
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("environment", out var environment) || environment.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("service_name", out var service) || service.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array
            || item.EnumerateObject().Any(p => p.Name is not ("environment" or "service_name" or "actions")))
        {
            return null;
        }

        var (env, svc) = (environment.GetString()!, service.GetString()!);
        if (!IsScope(env) || !IsScope(svc))
        {
            problem = $"A grant's environment and service_name are a configuration name or \"*\"; got '{env}', '{svc}'.";
            return null;
        }

        var allowed = AccessActions.None;
        foreach (var action in actions.EnumerateArray())
        {
            var match = ActionNames.FirstOrDefault(a => action.ValueKind == JsonValueKind.String && a.Name == action.GetString());
            if (match.Name is null)
            {
                return null;
            }

            allowed |= match.Action;
        }

        problem = allowed == AccessActions.None ? "A grant needs at least one action." : null;
        return problem is null ? new Grant(env, svc, allowed) : null;
    }

    private static bool IsScope(string name) => name == Grant.Any || ConfigName.IsValid(name);
}
