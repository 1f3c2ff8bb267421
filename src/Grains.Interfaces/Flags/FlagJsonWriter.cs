using System.Text.Json;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// The fields of a flag that the API and storage share, from <c>description</c> to <c>tags</c>, in that order.
/// Decimals are written without trailing zeros and variant values re-serialized compact, so that the same
/// definition always gives the same text.
/// </summary>
internal static class FlagJsonWriter
{
    /// <summary>Divides by one at the largest scale: the quotient has no trailing zeros (25.50 → 25.5, 100.00 → 100).</summary>
    private const decimal One = 1.0000000000000000000000000000m;

    public static void WriteDefinition(Utf8JsonWriter writer, FlagDefinition flag)
    {
        writer.WriteString("description"u8, flag.Description);
        writer.WriteBoolean("enabled"u8, flag.Enabled);
        writer.WriteNumber("rollout_percentage"u8, Normalize(flag.RolloutPercentage));
        writer.WriteString("rollout_variant"u8, flag.RolloutVariant);
        WriteStrings(writer, "target_users"u8, flag.TargetUsers);
        writer.WriteString("target_variant"u8, flag.TargetVariant);
        WriteStrings(writer, "excluded_users"u8, flag.ExcludedUsers);
        WriteRules(writer, flag.Rules);
        WriteVariants(writer, flag.Variants);
        writer.WriteString("default_variant"u8, flag.DefaultVariant);
        WriteStrings(writer, "tags"u8, flag.Tags);
    }

    public static decimal Normalize(decimal value) => value / One;

    private static void WriteRules(Utf8JsonWriter writer, IReadOnlyList<FlagRule> rules)
    {
        writer.WriteStartArray("rules"u8);
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("attribute"u8, rule.Attribute);
            writer.WriteString("operator"u8, FlagOperators.Name(rule.Operator));
            WriteStrings(writer, "values"u8, rule.Values);
            WriteServe(writer, rule.Serve);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteServe(Utf8JsonWriter writer, FlagServe serve)
    {
        writer.WriteStartObject("serve"u8);
        if (serve.Variant is not null)
        {
            writer.WriteString("variant"u8, serve.Variant);
        }

        if (serve.Split is not null)
        {
            writer.WriteStartArray("split"u8);
            foreach (var weight in serve.Split)
            {
                writer.WriteStartObject();
                writer.WriteString("variant"u8, weight.Variant);
                writer.WriteNumber("weight"u8, Normalize(weight.Weight));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Each variant's JSON is parsed and written again: whitespace and escapes come out the same every time.</summary>
    private static void WriteVariants(Utf8JsonWriter writer, IReadOnlyList<FlagVariant> variants)
    {
        writer.WriteStartObject("variants"u8);
        foreach (var variant in variants)
        {
            writer.WritePropertyName(variant.Name);
            using var value = JsonDocument.Parse(variant.Json);
            value.RootElement.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
