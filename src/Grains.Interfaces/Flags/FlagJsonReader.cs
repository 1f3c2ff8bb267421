using System.Text.Json;
using static ConfigCluster.Grains.Interfaces.Flags.FlagJsonFields;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// <see cref="FlagJson.Read"/>: each field of the body, in the order sent, replaces that part of the basis; a
/// <c>null</c> field takes the default of a new <see cref="FlagDefinition"/>.
/// </summary>
internal static class FlagJsonReader
{
    private static readonly FlagDefinition Defaults = new();

    /// <summary>The fields of the API shape, in its order, each with how it is read onto a flag.</summary>
    private static readonly (string Name, FieldReader Read)[] Fields =
    [
        ("key", (p, f, v, n) => f with { Key = String(p, v, n, Defaults.Key) }),
        ("environment", (p, f, v, n) => f with { Environment = String(p, v, n, Defaults.Environment) }),
        ("description", (p, f, v, n) => f with { Description = String(p, v, n, Defaults.Description) }),
        ("enabled", (p, f, v, n) => f with { Enabled = IsNull(v) ? Defaults.Enabled : AsBoolean(p, v, n) ?? false }),
        ("rollout_percentage", (p, f, v, n) => f with { RolloutPercentage = IsNull(v) ? Defaults.RolloutPercentage : AsDecimal(p, v, n) ?? 0 }),
        ("rollout_variant", (p, f, v, n) => f with { RolloutVariant = String(p, v, n, Defaults.RolloutVariant) }),
        ("target_users", (p, f, v, n) => f with { TargetUsers = Strings(p, v, n, Defaults.TargetUsers) }),
        ("target_variant", (p, f, v, n) => f with { TargetVariant = String(p, v, n, Defaults.TargetVariant) }),
        ("excluded_users", (p, f, v, n) => f with { ExcludedUsers = Strings(p, v, n, Defaults.ExcludedUsers) }),
        ("rules", (p, f, v, n) => f with { Rules = IsNull(v) ? Defaults.Rules : FlagRuleJsonReader.Rules(p, v, n) }),
        ("variants", (p, f, v, n) => f with { Variants = IsNull(v) ? Defaults.Variants : Variants(p, v, n) }),
        ("default_variant", (p, f, v, n) => f with { DefaultVariant = String(p, v, n, Defaults.DefaultVariant) }),
        ("tags", (p, f, v, n) => f with { Tags = Strings(p, v, n, Defaults.Tags) }),
        ("version", (_, f, _, _) => f),
        ("created_at", (_, f, _, _) => f),
        ("updated_at", (_, f, _, _) => f),
    ];

    private static readonly string[] Names = [.. Fields.Select(f => f.Name)];

    public static readonly IReadOnlySet<string> NameSet = Names.ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads one field's <paramref name="value"/> onto <paramref name="flag"/>, adding a problem when it is of the wrong type.</summary>
    private delegate FlagDefinition FieldReader(List<(string Field, string Message)> problems, FlagDefinition flag, JsonElement value, string field);

    public static FlagReadResult Read(JsonElement body, FlagDefinition basis)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new(null, [("body", "The body must be a JSON object of flag fields.")]);
        }

        if (!JsonUnicode.IsReadable(body))
        {
            return new(null, [("body", "The body must not hold half of a surrogate pair (such as \\uD800 alone) in a string or field name.")]);
        }

        var problems = new List<(string Field, string Message)>();
        var flag = basis;
        foreach (var field in Known(problems, body, "", Names))
        {
            var reader = Array.Find(Fields, f => f.Name == field.Name).Read;
            flag = reader(problems, flag, field.Value, field.Name);
        }

        return problems.Count == 0 ? new(flag, []) : new(null, problems);
    }

    private static bool IsNull(JsonElement value) => value.ValueKind == JsonValueKind.Null;

    private static string String(List<(string Field, string Message)> problems, JsonElement value, string field, string ifNull) =>
        IsNull(value) ? ifNull : AsString(problems, value, field) ?? ifNull;

    private static IReadOnlyList<string> Strings(
        List<(string Field, string Message)> problems, JsonElement value, string field, IReadOnlyList<string> ifNull) =>
        IsNull(value) ? ifNull : AsStrings(problems, value, field) ?? ifNull;

    /// <summary>Variant name to any JSON value, in the order sent; each value kept as compact JSON text.</summary>
    private static IReadOnlyList<FlagVariant> Variants(List<(string Field, string Message)> problems, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add((field, $"'{field}' must be an object of variant names to JSON values."));
            return [];
        }

        return [.. value.EnumerateObject().Select(v => new FlagVariant(v.Name, Compact(v.Value)))];
    }
}
