namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>The rule part of <see cref="FlagDefinitionValidator"/>: attribute, operator, operands and what each rule serves.</summary>
internal static class FlagRuleValidator
{
    public static void CheckRules(List<(string Field, string Message)> problems, IReadOnlyList<FlagRule>? rules, HashSet<string>? variants)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var field = $"rules[{i}]";
            if (rules![i] is not { } rule)
            {
                problems.Add((field, $"'{field}' is required."));
                continue;
            }

            CheckAttribute(problems, $"{field}.attribute", rule.Attribute);
            if (!Enum.IsDefined(rule.Operator))
            {
                problems.Add(($"{field}.operator", $"'{field}.operator' is not a known operator."));
            }
            else
            {
                CheckValues(problems, $"{field}.values", rule.Operator, rule.Values);
            }

            CheckServe(problems, $"{field}.serve", rule.Serve, variants);
        }
    }

    private static void CheckAttribute(List<(string Field, string Message)> problems, string field, string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            problems.Add((field, $"'{field}' is required."));
        }
        else if (attribute.Length > FlagLimits.MaxAttributeLength)
        {
            problems.Add((field, $"'{field}' must be at most {FlagLimits.MaxAttributeLength} characters."));
        }
    }

    private static void CheckValues(List<(string Field, string Message)> problems, string field, FlagOperator op, IReadOnlyList<string>? values)
    {
        var name = FlagOperators.Name(op);
        if (values is not { Count: > 0 } || values.Any(v => v is null))
        {
            problems.Add((field, $"'{field}' must have at least one value, and no null."));
        }
        else if (op == FlagOperator.Equals && values.Count != 1)
        {
            problems.Add((field, $"'{field}' must have exactly one value for operator '{name}'."));
        }
        else if (op is FlagOperator.Gt or FlagOperator.Lt && !values.All(v => FlagNumbers.TryParse(v, out _)))
        {
            problems.Add((field, $"'{field}' must all be numbers (invariant culture, such as 42 or -1.5) for operator '{name}'."));
        }
        else if (op is FlagOperator.SemverGte or FlagOperator.SemverLt && !values.All(v => SemVer.IsValid(v)))
        {
            problems.Add((field, $"'{field}' must all be semantic versions (such as 1.2.3 or v2.0.0-beta.1) for operator '{name}'."));
        }
    }

    private static void CheckServe(List<(string Field, string Message)> problems, string field, FlagServe? serve, HashSet<string>? variants)
    {
        if (serve is null || (serve.Variant is null) == (serve.Split is null))
        {
            problems.Add((field, $"'{field}' must have exactly one of variant and split."));
        }
        else if (serve.Variant is not null)
        {
            FlagDefinitionValidator.CheckVariantName(problems, variants, $"{field}.variant", serve.Variant);
        }
        else
        {
            CheckSplit(problems, $"{field}.split", serve.Split!, variants);
        }
    }

    private static void CheckSplit(List<(string Field, string Message)> problems, string field, IReadOnlyList<VariantWeight> split, HashSet<string>? variants)
    {
        decimal total = 0;
        for (var j = 0; j < split.Count; j++)
        {
            if (split[j] is not { } weight)
            {
                problems.Add(($"{field}[{j}]", $"'{field}[{j}]' is required."));
                continue;
            }

            FlagDefinitionValidator.CheckVariantName(problems, variants, $"{field}[{j}].variant", weight.Variant);
            if (weight.Weight < 0 || !FlagNumbers.HasAtMostTwoDecimals(weight.Weight))
            {
                problems.Add(($"{field}[{j}].weight", $"'{field}[{j}].weight' must be at least 0 with at most two decimals."));
            }

            total += weight.Weight;
        }

        if (total != 100)
        {
            problems.Add((field, $"The weights of '{field}' must add up to 100."));
        }
    }
}
