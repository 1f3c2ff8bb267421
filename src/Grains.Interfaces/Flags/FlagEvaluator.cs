namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Evaluates a flag for a context, purely: disabled, then excluded users, target users, the first matching rule,
/// the percentage rollout, and finally the default variant. docs/flags.md ("Evaluation order") is the contract.
/// Errors come back as values (reason Error, with the default variant) and never carry a context value.
/// </summary>
public static class FlagEvaluator
{
    public static FlagEvaluation Evaluate(FlagDefinition flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(context);

        if (!flag.Enabled)
        {
            var off = flag.FindVariant(FlagDefinition.OffVariant) is null ? flag.DefaultVariant : FlagDefinition.OffVariant;
            return Serve(flag, off, FlagReason.Disabled);
        }

        var targetingKey = string.IsNullOrEmpty(context.TargetingKey) ? null : context.TargetingKey;
        if (targetingKey is not null && Lists(flag.ExcludedUsers, targetingKey))
        {
            return Serve(flag, flag.DefaultVariant, FlagReason.Default);
        }

        if (targetingKey is not null && Lists(flag.TargetUsers, targetingKey))
        {
            return Serve(flag, flag.TargetVariant, FlagReason.TargetingMatch);
        }

        return FirstMatchingRule(flag, context, targetingKey)
            ?? (flag.RolloutPercentage > 0
                ? Rollout(flag, targetingKey)
                : Serve(flag, flag.DefaultVariant, IsStatic(flag) ? FlagReason.Static : FlagReason.Default));
    }

    /// <summary>What the first rule whose condition holds serves, or its error; null when no rule matches.</summary>
    private static FlagEvaluation? FirstMatchingRule(FlagDefinition flag, EvaluationContext context, string? targetingKey)
    {
        for (var i = 0; i < flag.Rules.Count; i++)
        {
            var rule = flag.Rules[i];
            if (rule?.Attribute is null)
            {
                return Fail(flag, FlagErrorCode.ParseError, $"rules[{i}] has no attribute.");
            }

            var value = context.Attribute(rule.Attribute);
            if (value is null || value.Kind == ContextValueKind.Null)
            {
                continue;
            }

            switch (FlagRuleMatcher.Match(rule, value))
            {
                case RuleMatch.Match:
                    return ServeRule(flag, rule, i, targetingKey);
                case RuleMatch.TypeMismatch:
                    return Fail(flag, FlagErrorCode.TypeMismatch, TypeMismatchDetails(rule, value, i));
                case RuleMatch.InvalidRule:
                    return Fail(flag, FlagErrorCode.ParseError, $"rules[{i}] cannot be evaluated: its operator or values are invalid.");
            }
        }

        return null;
    }

    private static FlagEvaluation ServeRule(FlagDefinition flag, FlagRule rule, int index, string? targetingKey)
    {
        var serve = rule.Serve;
        if (serve is { Variant: not null, Split: null })
        {
            return Serve(flag, serve.Variant, FlagReason.TargetingMatch);
        }

        if (serve is not { Variant: null, Split: { } split })
        {
            return Fail(flag, FlagErrorCode.ParseError, $"rules[{index}] must serve either a variant or a split.");
        }

        if (FlagSplit.Sole(split) is { } sole)
        {
            return Serve(flag, sole, FlagReason.TargetingMatch);
        }

        if (targetingKey is null)
        {
            return Fail(flag, FlagErrorCode.TargetingKeyMissing, $"rules[{index}] splits users by bucket, which needs a targeting key.");
        }

        return FlagSplit.Pick(split, FlagBucketing.Bucket(flag.Key, targetingKey)) is { } picked
            ? Serve(flag, picked, FlagReason.TargetingMatch)
            : Fail(flag, FlagErrorCode.ParseError, $"The weights of rules[{index}] do not add up to 100.");
    }

    private static FlagEvaluation Rollout(FlagDefinition flag, string? targetingKey)
    {
        if (targetingKey is null)
        {
            return Fail(flag, FlagErrorCode.TargetingKeyMissing, "The percentage rollout needs a targeting key.");
        }

        var bucket = FlagBucketing.Bucket(flag.Key, targetingKey);
        var variant = FlagBucketing.IsInRollout(bucket, flag.RolloutPercentage) ? flag.RolloutVariant : flag.DefaultVariant;
        return Serve(flag, variant, FlagReason.Split);
    }

    /// <summary>Static: the value depends on nothing in the context (excluded users get the same default variant).</summary>
    private static bool IsStatic(FlagDefinition flag) =>
        flag.Enabled && flag.TargetUsers.Count == 0 && flag.Rules.Count == 0 && flag.RolloutPercentage == 0;

    private static FlagEvaluation Serve(FlagDefinition flag, string variantName, FlagReason reason) =>
        flag.FindVariant(variantName) is { } variant
            ? new FlagEvaluation(flag.Key, variant.Name, variant.Json, reason, null, null, flag.Version)
            : Fail(flag, FlagErrorCode.ParseError, $"The flag serves variant '{variantName}', which it does not define.");

    private static FlagEvaluation Fail(FlagDefinition flag, FlagErrorCode error, string details)
    {
        var fallback = flag.FindVariant(flag.DefaultVariant);
        return new FlagEvaluation(flag.Key, fallback?.Name, fallback?.Json, FlagReason.Error, error, details, flag.Version);
    }

    private static bool Lists(IReadOnlyList<string> users, string targetingKey)
    {
        for (var i = 0; i < users.Count; i++)
        {
            if (string.Equals(users[i], targetingKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string TypeMismatchDetails(FlagRule rule, ContextValue value, int index) =>
        $"rules[{index}]: attribute '{rule.Attribute}' is {Describe(value, rule.Operator)}, which operator '{OperatorName(rule.Operator)}' cannot compare.";

    private static string Describe(ContextValue value, FlagOperator op) => value.Kind switch
    {
        ContextValueKind.String when op is FlagOperator.SemverGte or FlagOperator.SemverLt => "a string that is not a semantic version",
        ContextValueKind.String => "a string",
        ContextValueKind.Number => "a number",
        ContextValueKind.Boolean => "a boolean",
        _ => "an object or array",
    };

    private static string OperatorName(FlagOperator op) => Enum.IsDefined(op) ? FlagOperators.Name(op) : op.ToString();
}
