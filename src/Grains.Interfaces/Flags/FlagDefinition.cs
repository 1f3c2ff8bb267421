namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// A feature flag of one environment: its variants, who is targeted, its rules and its rollout. Evaluated by
/// <see cref="FlagEvaluator"/>, checked by <see cref="FlagDefinitionValidator"/>. Without variants of its own a
/// flag is boolean (<see cref="BooleanVariants"/>, default "off").
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagDefinition")]
public sealed record FlagDefinition
{
    public const string OnVariant = "on";
    public const string OffVariant = "off";

    /// <summary>The variants of a boolean flag: <c>on</c> is <c>true</c>, <c>off</c> is <c>false</c>.</summary>
    public static readonly IReadOnlyList<FlagVariant> BooleanVariants = [new(OnVariant, "true"), new(OffVariant, "false")];

    [Id(0)] public string Environment { get; init; } = "";
    [Id(1)] public string Key { get; init; } = "";
    [Id(2)] public string Description { get; init; } = "";
    [Id(3)] public bool Enabled { get; init; }

    /// <summary>The share of users (by bucket), 0 to 100 with at most two decimals, served <see cref="RolloutVariant"/>.</summary>
    [Id(4)] public decimal RolloutPercentage { get; init; }
    [Id(5)] public string RolloutVariant { get; init; } = OnVariant;
    [Id(6)] public IReadOnlyList<string> TargetUsers { get; init; } = [];
    [Id(7)] public string TargetVariant { get; init; } = OnVariant;

    /// <summary>Users always served the default variant: they win over <see cref="TargetUsers"/>, rules and rollout.</summary>
    [Id(8)] public IReadOnlyList<string> ExcludedUsers { get; init; } = [];

    /// <summary>Targeting rules, tried in order: the first that matches decides.</summary>
    [Id(9)] public IReadOnlyList<FlagRule> Rules { get; init; } = [];
    [Id(10)] public IReadOnlyList<FlagVariant> Variants { get; init; } = BooleanVariants;
    [Id(11)] public string DefaultVariant { get; init; } = OffVariant;
    [Id(12)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(13)] public long Version { get; init; }
    [Id(14)] public DateTimeOffset CreatedAt { get; init; }
    [Id(15)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The variant of this name (ordinal), or null. Indexes rather than enumerates: no enumerator is allocated.</summary>
    public FlagVariant? FindVariant(string? name)
    {
        for (var i = 0; i < Variants.Count; i++)
        {
            if (Variants[i] is { } variant && variant.Name == name)
            {
                return variant;
            }
        }

        return null;
    }

    public override string ToString() => $"{Environment}/{Key} v{Version} (enabled: {Enabled})";
}
