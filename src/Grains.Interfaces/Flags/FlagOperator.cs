namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>How a targeting rule compares a context attribute with its values; JSON names in <see cref="FlagOperators"/>.</summary>
public enum FlagOperator
{
    In,
    NotIn,
    Equals,
    StartsWith,
    EndsWith,
    Contains,
    Gt,
    Lt,
    SemverGte,
    SemverLt,
}
