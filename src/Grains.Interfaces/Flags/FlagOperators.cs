namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>The JSON names of <see cref="FlagOperator"/>: <c>in</c>, <c>not_in</c>, <c>equals</c>, ... <c>semver_lt</c>.</summary>
public static class FlagOperators
{
    public static string Name(FlagOperator op) => op switch
    {
        FlagOperator.In => "in",
        FlagOperator.NotIn => "not_in",
        FlagOperator.Equals => "equals",
        FlagOperator.StartsWith => "starts_with",
        FlagOperator.EndsWith => "ends_with",
        FlagOperator.Contains => "contains",
        FlagOperator.Gt => "gt",
        FlagOperator.Lt => "lt",
        FlagOperator.SemverGte => "semver_gte",
        FlagOperator.SemverLt => "semver_lt",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a flag operator."),
    };

    /// <summary>The operator with this exact (case-sensitive) name, or null for an unknown name.</summary>
    public static FlagOperator? Parse(string? name) => name switch
    {
        "in" => FlagOperator.In,
        "not_in" => FlagOperator.NotIn,
        "equals" => FlagOperator.Equals,
        "starts_with" => FlagOperator.StartsWith,
        "ends_with" => FlagOperator.EndsWith,
        "contains" => FlagOperator.Contains,
        "gt" => FlagOperator.Gt,
        "lt" => FlagOperator.Lt,
        "semver_gte" => FlagOperator.SemverGte,
        "semver_lt" => FlagOperator.SemverLt,
        _ => null,
    };
}
