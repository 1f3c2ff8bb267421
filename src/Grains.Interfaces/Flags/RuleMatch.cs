namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>How one rule's condition came out for a present attribute.</summary>
internal enum RuleMatch
{
    NoMatch,
    Match,

    /// <summary>The attribute's type (or a string that is no semantic version) cannot be compared by the operator.</summary>
    TypeMismatch,

    /// <summary>The rule itself is broken: an operand that does not parse, a wrong operand count, an unknown operator.</summary>
    InvalidRule,
}
