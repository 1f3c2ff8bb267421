namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>The OpenFeature names of <see cref="FlagReason"/>: <c>STATIC</c>, <c>TARGETING_MATCH</c>, <c>SPLIT</c>, <c>DISABLED</c>, <c>DEFAULT</c>, <c>ERROR</c>.</summary>
public static class FlagReasons
{
    public static string Name(FlagReason reason) => reason switch
    {
        FlagReason.Static => "STATIC",
        FlagReason.TargetingMatch => "TARGETING_MATCH",
        FlagReason.Split => "SPLIT",
        FlagReason.Disabled => "DISABLED",
        FlagReason.Default => "DEFAULT",
        FlagReason.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a flag reason."),
    };

    /// <summary>The reason with this exact (case-sensitive) name, or null for an unknown name.</summary>
    public static FlagReason? Parse(string? name) => name switch
    {
        "STATIC" => FlagReason.Static,
        "TARGETING_MATCH" => FlagReason.TargetingMatch,
        "SPLIT" => FlagReason.Split,
        "DISABLED" => FlagReason.Disabled,
        "DEFAULT" => FlagReason.Default,
        "ERROR" => FlagReason.Error,
        _ => null,
    };
}
