namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The <c>state</c> column's words.</summary>
internal static class ChangeStates
{
    public static ChangeState Parse(string text) => text switch
    {
        "pending" => ChangeState.Pending,
        "committed" => ChangeState.Committed,
        "aborted" => ChangeState.Aborted,
        _ => throw new InvalidOperationException($"Unknown change state '{text}' in config_changes."),
    };
}
