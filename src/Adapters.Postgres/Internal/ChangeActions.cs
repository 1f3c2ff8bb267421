namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The <c>action</c> column's words, which are also the event types (decision 11).</summary>
internal static class ChangeActions
{
    public static string ToText(ChangeAction action) => action switch
    {
        ChangeAction.Created => "created",
        ChangeAction.Updated => "updated",
        ChangeAction.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };

    public static ChangeAction Parse(string text) => text switch
    {
        "created" => ChangeAction.Created,
        "updated" => ChangeAction.Updated,
        "deleted" => ChangeAction.Deleted,
        _ => throw new InvalidOperationException($"Unknown change action '{text}' in config_changes."),
    };
}
