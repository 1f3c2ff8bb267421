using System.Text;
using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Checks a flag definition before it is stored: every problem, each as a snake_case field (<c>key</c>,
/// <c>variants[1].json</c>, <c>rules[0].values</c>) and a message safe to show (it never repeats a value).
/// Empty means valid. Names follow <see cref="ConfigName"/>.
/// </summary>
public static class FlagDefinitionValidator
{
    public static IReadOnlyList<(string Field, string Message)> Validate(FlagDefinition flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var problems = new List<(string Field, string Message)>();
        Add(problems, ConfigName.Check("environment", flag.Environment));
        Add(problems, ConfigName.Check("key", flag.Key));
        if (flag.Description is { Length: > FlagLimits.MaxDescriptionLength })
        {
            problems.Add(("description", $"'description' must be at most {FlagLimits.MaxDescriptionLength} characters."));
        }

        CheckRollout(problems, flag.RolloutPercentage);
        var variants = CheckVariants(problems, flag.Variants);
        CheckVariantName(problems, variants, "default_variant", flag.DefaultVariant);
        if (flag.RolloutPercentage > 0)
        {
            CheckVariantName(problems, variants, "rollout_variant", flag.RolloutVariant);
        }

        if (flag.TargetUsers is { Count: > 0 })
        {
            CheckVariantName(problems, variants, "target_variant", flag.TargetVariant);
        }

        CheckUsers(problems, "target_users", flag.TargetUsers);
        CheckUsers(problems, "excluded_users", flag.ExcludedUsers);
        FlagRuleValidator.CheckRules(problems, flag.Rules, variants);
        CheckTags(problems, flag.Tags);
        return problems;
    }

    /// <summary>A reference to a variant; without any variants (already reported) only that it is there.</summary>
    internal static void CheckVariantName(List<(string Field, string Message)> problems, HashSet<string>? variants, string field, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            problems.Add((field, $"'{field}' is required."));
        }
        else if (variants is not null && !variants.Contains(name))
        {
            problems.Add((field, $"'{field}' must name one of the flag's variants."));
        }
    }

    private static void CheckRollout(List<(string Field, string Message)> problems, decimal percentage)
    {
        if (percentage is < 0 or > 100 || !FlagNumbers.HasAtMostTwoDecimals(percentage))
        {
            problems.Add(("rollout_percentage", "'rollout_percentage' must be from 0 to 100 with at most two decimals."));
        }
    }

    /// <summary>Checks the variants and returns the names of the well-formed ones; null when there are none at all.</summary>
    private static HashSet<string>? CheckVariants(List<(string Field, string Message)> problems, IReadOnlyList<FlagVariant>? variants)
    {
        if (variants is not { Count: > 0 })
        {
            problems.Add(("variants", "'variants' must have at least one variant."));
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variants.Count; i++)
        {
            var field = $"variants[{i}]";
            if (variants[i] is not { } variant)
            {
                problems.Add((field, $"'{field}' is required."));
                continue;
            }

            var nameProblem = ConfigName.Check($"{field}.name", variant.Name);
            Add(problems, nameProblem);
            if (nameProblem is null && !names.Add(variant.Name))
            {
                problems.Add(($"{field}.name", $"'{field}.name' repeats the name of an earlier variant."));
            }

            if (!IsJsonValue(variant.Json))
            {
                problems.Add(($"{field}.json", $"'{field}.json' must be one JSON value of at most {FlagLimits.MaxVariantJsonBytes} bytes."));
            }
        }

        return names;
    }

    private static void CheckUsers(List<(string Field, string Message)> problems, string field, IReadOnlyList<string>? users)
    {
        if (users is null)
        {
            return;
        }

        if (users.Count > FlagLimits.MaxUsers)
        {
            problems.Add((field, $"'{field}' must have at most {FlagLimits.MaxUsers} users."));
        }

        for (var i = 0; i < users.Count; i++)
        {
            if (users[i] is not { Length: > 0 and <= FlagLimits.MaxUserLength })
            {
                problems.Add(($"{field}[{i}]", $"'{field}' entries must be 1 to {FlagLimits.MaxUserLength} characters."));
                return;
            }
        }
    }

    private static void CheckTags(List<(string Field, string Message)> problems, IReadOnlyList<string>? tags)
    {
        for (var i = 0; i < (tags?.Count ?? 0); i++)
        {
            Add(problems, ConfigName.Check($"tags[{i}]", tags![i]));
        }
    }

    private static bool IsJsonValue(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || Encoding.UTF8.GetByteCount(json) > FlagLimits.MaxVariantJsonBytes)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Add(List<(string Field, string Message)> problems, NameProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add((problem.Field, problem.Message));
        }
    }
}
