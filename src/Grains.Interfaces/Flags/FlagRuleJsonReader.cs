using System.Text.Json;
using static ConfigCluster.Grains.Interfaces.Flags.FlagJsonFields;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// The <c>rules</c> of a flag body: objects of exactly <c>attribute</c>, <c>operator</c>, <c>values</c> and
/// <c>serve</c>, where serve has exactly one of <c>variant</c> and <c>split</c> (an array of <c>{variant, weight}</c>).
/// </summary>
internal static class FlagRuleJsonReader
{
    private static readonly string[] RuleFields = ["attribute", "operator", "values", "serve"];
    private static readonly string[] ServeFields = ["variant", "split"];
    private static readonly string[] SplitFields = ["variant", "weight"];
    private static readonly string OperatorNames = string.Join(", ", Enum.GetValues<FlagOperator>().Select(FlagOperators.Name));

    public static IReadOnlyList<FlagRule> Rules(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add((field, $"'{field}' must be an array of rules."));
            return [];
        }

        var rules = new List<FlagRule>();
        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (Rule(problems, entry, $"{field}[{index++}]") is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static FlagRule? Rule(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add((field, $"'{field}' must be an object with attribute, operator, values and serve."));
            return null;
        }

        var fields = Known(problems, value, field, RuleFields);
        var attribute = Required(problems, fields, field, "attribute") is { } a ? AsString(problems, a, $"{field}.attribute") : null;
        var op = Required(problems, fields, field, "operator") is { } o ? Operator(problems, o, $"{field}.operator") : null;
        var values = Required(problems, fields, field, "values") is { } v ? Values(problems, v, $"{field}.values") : null;
        var serve = Required(problems, fields, field, "serve") is { } s ? Serve(problems, s, $"{field}.serve") : null;
        return attribute is not null && op is not null && values is not null && serve is not null
            ? new FlagRule(attribute, op.Value, values, serve)
            : null;
    }

    private static JsonElement? Required(List<(string Field, string Message)> problems, List<JsonProperty> fields, string parent, string name)
    {
        var value = Find(fields, name);
        if (value is null)
        {
            var field = Path(parent, name);
            problems.Add((field, $"'{field}' is required."));
        }

        return value;
    }

    private static FlagOperator? Operator(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        var op = value.ValueKind == JsonValueKind.String ? FlagOperators.Parse(value.GetString()) : null;
        if (op is null)
        {
            problems.Add((field, $"'{field}' must be one of: {OperatorNames}."));
        }

        return op;
    }

    /// <summary>Operands as text: strings as they are, numbers as their JSON text, booleans as <c>true</c> or <c>false</c>.</summary>
    private static IReadOnlyList<string>? Values(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add((field, $"'{field}' must be an array of strings, numbers or booleans."));
            return null;
        }

        var values = new List<string>(value.GetArrayLength());
        foreach (var entry in value.EnumerateArray())
        {
            string? text = entry.ValueKind switch
            {
                JsonValueKind.String => entry.GetString(),
                JsonValueKind.Number => entry.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (text is null)
            {
                problems.Add(($"{field}[{values.Count}]", $"'{field}' entries must be strings, numbers or booleans."));
                return null;
            }

            values.Add(text);
        }

        return values;
    }

    private static FlagServe? Serve(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        var message = $"'{field}' must be an object with exactly one of variant and split.";
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add((field, message));
            return null;
        }

        var fields = Known(problems, value, field, ServeFields);
        var (variant, split) = (Find(fields, "variant"), Find(fields, "split"));
        if ((variant is null) == (split is null))
        {
            problems.Add((field, message));
            return null;
        }

        if (variant is { } name)
        {
            return AsString(problems, name, $"{field}.variant") is { } fixedVariant ? FlagServe.Fixed(fixedVariant) : null;
        }

        return Split(problems, split!.Value, $"{field}.split") is { } weights ? FlagServe.Weighted(weights) : null;
    }

    /// <summary>
    /// <c>[{"variant": "on", "weight": 30}, ...]</c>, in the order sent: the order decides which buckets each variant
    /// owns, so it is an array (the members of a JSON object have no order a client must keep).
    /// </summary>
    private static IReadOnlyList<VariantWeight>? Split(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add((field, $"'{field}' must be an array of {{\"variant\": name, \"weight\": percent}} objects."));
            return null;
        }

        var weights = new List<VariantWeight>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var problemCount = problems.Count;
        foreach (var entry in value.EnumerateArray())
        {
            var entryField = $"{field}[{weights.Count}]";
            weights.Add(new("", 0));
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Add((entryField, $"'{entryField}' must be an object with a variant and a weight."));
                continue;
            }

            var fields = Known(problems, entry, entryField, SplitFields);
            var (name, number) = (Find(fields, "variant"), Find(fields, "weight"));
            if (name is null || number is null)
            {
                problems.Add((entryField, $"'{entryField}' must have a variant (a string) and a weight (a number)."));
                continue;
            }

            var variant = AsString(problems, name.Value, $"{entryField}.variant");
            var weight = AsDecimal(problems, number.Value, $"{entryField}.weight");
            if (variant is null || weight is null)
            {
                continue;
            }

            if (!names.Add(variant))
            {
                problems.Add((entryField, $"'{entryField}' names a variant that the split already has."));
            }

            weights[^1] = new(variant, weight.Value);
        }

        return problems.Count == problemCount ? weights : null;
    }
}
