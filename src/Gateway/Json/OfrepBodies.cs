using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The bodies of OFREP (open-feature/protocol, service/openapi.yaml): an evaluation success
/// (<c>key, value, reason, variant, metadata</c>), a failure (<c>key, errorCode, errorDetails</c>), the bulk answer
/// (<c>flags, metadata</c>), a bulk failure (<c>errorCode, errorDetails</c>) and the general error (<c>errorDetails</c>).
/// Names are camelCase there, unlike the REST API.
/// </summary>
internal static class OfrepBodies
{
    public static byte[] Evaluation(FlagEvaluation evaluation) => Utf8Json.Write(evaluation, WriteEvaluation);

    public static byte[] Failure(string key, FlagErrorCode code, string? details) =>
        Utf8Json.Write((key, code, details), static (writer, failure) => WriteFailure(writer, failure.key, failure.code, failure.details));

    public static byte[] Bulk(string environment, string flagsETag, IReadOnlyList<FlagEvaluation> evaluations) =>
        Utf8Json.Write((environment, flagsETag, evaluations), static (writer, bulk) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("flags");
            foreach (var evaluation in bulk.evaluations)
            {
                WriteEvaluation(writer, evaluation);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("metadata");
            writer.WriteString("environment", bulk.environment);
            writer.WriteString("version", bulk.flagsETag);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public static byte[] BulkFailure(FlagErrorCode code, string details) =>
        Utf8Json.Write((code, details), static (writer, failure) =>
        {
            writer.WriteStartObject();
            writer.WriteString("errorCode", FlagErrorCodes.Name(failure.code));
            writer.WriteString("errorDetails", failure.details);
            writer.WriteEndObject();
        });

    public static byte[] General(string details) =>
        Utf8Json.Write(details, static (writer, text) =>
        {
            writer.WriteStartObject();
            writer.WriteString("errorDetails", text);
            writer.WriteEndObject();
        });

    /// <summary>A success, or for a failed evaluation (inside a bulk answer) the failure.</summary>
    private static void WriteEvaluation(Utf8JsonWriter writer, FlagEvaluation evaluation)
    {
        if (evaluation.Error is { } error)
        {
            WriteFailure(writer, evaluation.Key, error, evaluation.ErrorDetails);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("key", evaluation.Key);
        writer.WriteRawOrNull("value", evaluation.ValueJson);
        writer.WriteString("reason", FlagReasons.Name(evaluation.Reason));
        writer.WriteString("variant", evaluation.Variant);
        writer.WriteStartObject("metadata");
        writer.WriteNumber("version", evaluation.Version);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter writer, string key, FlagErrorCode code, string? details)
    {
        writer.WriteStartObject();
        writer.WriteString("key", key);
        writer.WriteString("errorCode", FlagErrorCodes.Name(code));
        writer.WriteString("errorDetails", details);
        writer.WriteEndObject();
    }
}
