using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The bodies of the flag API: a page of flags (<c>items, total, limit, offset</c>, as the config list) and
/// evaluations (<c>key, value, variant, reason, version</c>, with <c>error_code</c> and <c>error_details</c> when
/// the evaluation failed).
/// </summary>
internal static class FlagBodies
{
    public static byte[] Page(IReadOnlyList<FlagDefinition> flags, int limit, int offset) =>
        Utf8Json.Write((flags, limit, offset), static (writer, page) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var flag in page.flags.Skip(page.offset).Take(page.limit))
            {
                FlagJson.WriteApi(writer, flag);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", page.flags.Count);
            writer.WriteNumber("limit", page.limit);
            writer.WriteNumber("offset", page.offset);
            writer.WriteEndObject();
        });

    public static byte[] Evaluation(FlagEvaluation evaluation) => Utf8Json.Write(evaluation, WriteEvaluation);

    public static byte[] Evaluations(string environment, IReadOnlyList<FlagEvaluation> evaluations) =>
        Utf8Json.Write((environment, evaluations), static (writer, all) =>
        {
            writer.WriteStartObject();
            writer.WriteString("environment", all.environment);
            writer.WriteStartArray("flags");
            foreach (var evaluation in all.evaluations)
            {
                WriteEvaluation(writer, evaluation);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteEvaluation(System.Text.Json.Utf8JsonWriter writer, FlagEvaluation evaluation)
    {
        writer.WriteStartObject();
        writer.WriteString("key", evaluation.Key);
        writer.WriteRawOrNull("value", evaluation.ValueJson);
        writer.WriteString("variant", evaluation.Variant);
        writer.WriteString("reason", FlagReasons.Name(evaluation.Reason));
        writer.WriteNumber("version", evaluation.Version);
        if (evaluation.Error is { } error)
        {
            writer.WriteString("error_code", FlagErrorCodes.Name(error));
            writer.WriteString("error_details", evaluation.ErrorDetails);
        }

        writer.WriteEndObject();
    }
}
