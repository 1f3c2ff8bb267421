namespace ConfigCluster.Ports;

/// <summary>The words of <see cref="ChangeAction"/> in audit rows, events and histories (decision 11).</summary>
public static class ChangeActionNames
{
    public static string ToText(ChangeAction action) => action switch
    {
        ChangeAction.Created => "created",
        ChangeAction.Updated => "updated",
        ChangeAction.Deleted => "deleted",
        ChangeAction.RolledBack => "rolled_back",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };

    public static ChangeAction? Parse(string text) => text switch
    {
        "created" => ChangeAction.Created,
        "updated" => ChangeAction.Updated,
        "deleted" => ChangeAction.Deleted,
        "rolled_back" => ChangeAction.RolledBack,
        _ => null,
    };
}
