namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Whether a rule's condition holds for a present, non-null attribute. Several operands mean "any of them"
/// (for <c>not_in</c>: none of them). Strings compare ordinally; nothing is allocated (lists are indexed, never
/// enumerated through their interface, which would allocate an enumerator).
/// </summary>
internal static class FlagRuleMatcher
{
    public static RuleMatch Match(FlagRule rule, ContextValue value)
    {
        var operands = rule.Values;
        if (operands is null || operands.Count == 0 || (rule.Operator == FlagOperator.Equals && operands.Count != 1))
        {
            return RuleMatch.InvalidRule;
        }

        return rule.Operator switch
        {
            FlagOperator.In or FlagOperator.Equals => AnyEqual(value, operands),
            FlagOperator.NotIn => Not(AnyEqual(value, operands)),
            FlagOperator.StartsWith => AnyText(value, operands, static (text, operand) => text.StartsWith(operand, StringComparison.Ordinal)),
            FlagOperator.EndsWith => AnyText(value, operands, static (text, operand) => text.EndsWith(operand, StringComparison.Ordinal)),
            FlagOperator.Contains => AnyText(value, operands, static (text, operand) => text.Contains(operand, StringComparison.Ordinal)),
            FlagOperator.Gt => AnyNumber(value, operands, static (number, operand) => number > operand),
            FlagOperator.Lt => AnyNumber(value, operands, static (number, operand) => number < operand),
            FlagOperator.SemverGte => AnyVersion(value, operands, static comparison => comparison >= 0),
            FlagOperator.SemverLt => AnyVersion(value, operands, static comparison => comparison < 0),
            _ => RuleMatch.InvalidRule,
        };
    }

    private static RuleMatch AnyEqual(ContextValue value, IReadOnlyList<string> operands)
    {
        if (value.Kind is not (ContextValueKind.String or ContextValueKind.Number or ContextValueKind.Boolean))
        {
            return RuleMatch.TypeMismatch;
        }

        for (var i = 0; i < operands.Count; i++)
        {
            var operand = operands[i];
            if (operand is not null && IsEqual(value, operand))
            {
                return RuleMatch.Match;
            }
        }

        return RuleMatch.NoMatch;
    }

    private static bool IsEqual(ContextValue value, string operand) => value.Kind switch
    {
        ContextValueKind.String => string.Equals(value.Text, operand, StringComparison.Ordinal),
        ContextValueKind.Number => FlagNumbers.TryParse(operand, out var number) && number == value.Number,
        _ => operand == (value.Boolean ? "true" : "false"),
    };

    private static RuleMatch AnyText(ContextValue value, IReadOnlyList<string> operands, Func<string, string, bool> holds)
    {
        if (value.Kind != ContextValueKind.String || value.Text is null)
        {
            return RuleMatch.TypeMismatch;
        }

        for (var i = 0; i < operands.Count; i++)
        {
            var operand = operands[i];
            if (operand is not null && holds(value.Text, operand))
            {
                return RuleMatch.Match;
            }
        }

        return RuleMatch.NoMatch;
    }

    private static RuleMatch AnyNumber(ContextValue value, IReadOnlyList<string> operands, Func<decimal, decimal, bool> holds)
    {
        if (value.Kind != ContextValueKind.Number)
        {
            return RuleMatch.TypeMismatch;
        }

        var matched = false;
        for (var i = 0; i < operands.Count; i++)
        {
            var operand = operands[i];
            if (!FlagNumbers.TryParse(operand, out var number))
            {
                return RuleMatch.InvalidRule;
            }

            matched |= holds(value.Number, number);
        }

        return matched ? RuleMatch.Match : RuleMatch.NoMatch;
    }

    private static RuleMatch AnyVersion(ContextValue value, IReadOnlyList<string> operands, Func<int, bool> holds)
    {
        if (value.Kind != ContextValueKind.String || !SemVer.IsValid(value.Text))
        {
            return RuleMatch.TypeMismatch;
        }

        var matched = false;
        for (var i = 0; i < operands.Count; i++)
        {
            var operand = operands[i];
            if (!SemVer.TryCompare(value.Text, operand, out var comparison))
            {
                return RuleMatch.InvalidRule;
            }

            matched |= holds(comparison);
        }

        return matched ? RuleMatch.Match : RuleMatch.NoMatch;
    }

    private static RuleMatch Not(RuleMatch match) => match switch
    {
        RuleMatch.Match => RuleMatch.NoMatch,
        RuleMatch.NoMatch => RuleMatch.Match,
        _ => match,
    };
}
