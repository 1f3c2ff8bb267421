namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The <c>action</c> column's words, which are also the event types (<see cref="ChangeActionNames"/>).</summary>
internal static class ChangeActions
{
    public static string ToText(ChangeAction action) => ChangeActionNames.ToText(action);

    public static ChangeAction Parse(string text) =>
        ChangeActionNames.Parse(text) ?? throw new InvalidOperationException($"Unknown change action '{text}' in config_changes.");
}
