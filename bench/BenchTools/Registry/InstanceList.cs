using System.Text.Json;

namespace ConfigCluster.BenchTools.Registry;

/// <summary>Reads a service's instance list as the registry API answers it: <c>{"instances": [{"instance_id", "status", ...}]}</c>.</summary>
internal static class InstanceList
{
    /// <summary>The status (<c>passing</c>, <c>warning</c> or <c>critical</c>) of one instance; null when the list does not hold it.</summary>
    public static string? StatusOf(JsonElement list, string instanceId)
    {
        if (!list.TryGetProperty("instances", out var instances) || instances.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("An instance list has an 'instances' array.");
        }

        foreach (var instance in instances.EnumerateArray())
        {
            if (instance.GetProperty("instance_id").GetString() == instanceId)
            {
                return instance.GetProperty("status").GetString();
            }
        }

        return null;
    }
}
