namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>The words of <see cref="InstanceStatus"/> in the API, in storage and in events.</summary>
public static class InstanceStatuses
{
    public static string ToText(InstanceStatus status) => status switch
    {
        InstanceStatus.Passing => "passing",
        InstanceStatus.Warning => "warning",
        _ => "critical",
    };

    public static bool TryParse(string? text, out InstanceStatus status)
    {
        (var known, status) = text switch
        {
            "passing" => (true, InstanceStatus.Passing),
            "warning" => (true, InstanceStatus.Warning),
            "critical" => (true, InstanceStatus.Critical),
            _ => (false, InstanceStatus.Critical),
        };
        return known;
    }
}
