namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>The <c>entity</c> column's words (migration 0005).</summary>
internal static class ChangeEntities
{
    public static string ToText(ChangeEntity entity) => entity switch
    {
        ChangeEntity.Config => "config",
        ChangeEntity.ApiKey => "api_key",
        ChangeEntity.Flag => "flag",
        ChangeEntity.Instance => "instance",
        _ => throw new ArgumentOutOfRangeException(nameof(entity), entity, "Unknown change entity."),
    };

    public static ChangeEntity Parse(string text) => text switch
    {
        "config" => ChangeEntity.Config,
        "api_key" => ChangeEntity.ApiKey,
        "flag" => ChangeEntity.Flag,
        "instance" => ChangeEntity.Instance,
        _ => throw new InvalidOperationException($"Unknown change entity '{text}' in config_changes."),
    };
}
