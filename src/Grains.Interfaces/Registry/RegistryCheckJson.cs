using System.Text.Json;

namespace ConfigCluster.Grains.Interfaces.Registry;

/// <summary>
/// A health check's JSON, the same in the API and in storage: <c>type</c> (<c>ttl</c>, <c>http</c>, <c>tcp</c>), then
/// only the fields its type has (<c>ttl</c>; <c>path</c>, <c>interval</c>, <c>timeout</c>, <c>expected_statuses</c>;
/// <c>success_before_passing</c>, <c>failures_before_critical</c>), durations as <see cref="RegistryDuration"/> writes
/// them. <see cref="Read"/> takes stored JSON, which the API validated when it was registered.
/// </summary>
public static class RegistryCheckJson
{
    public static string TypeText(RegistryCheckType type) => type switch
    {
        RegistryCheckType.Http => "http",
        RegistryCheckType.Tcp => "tcp",
        _ => "ttl",
    };

    public static bool TryParseType(string? text, out RegistryCheckType type)
    {
        (var known, type) = text switch
        {
            "ttl" => (true, RegistryCheckType.Ttl),
            "http" => (true, RegistryCheckType.Http),
            "tcp" => (true, RegistryCheckType.Tcp),
            _ => (false, RegistryCheckType.Ttl),
        };
        return known;
    }

    public static void Write(Utf8JsonWriter writer, RegistryCheck check)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeText(check.Type));
        WriteDuration(writer, "ttl", check.Ttl);
        if (check.Path is not null)
        {
            writer.WriteString("path", check.Path);
        }

        WriteDuration(writer, "interval", check.Interval);
        WriteDuration(writer, "timeout", check.Timeout);
        if (check.ExpectedStatuses is { Count: > 0 } statuses)
        {
            writer.WriteStartArray("expected_statuses");
            foreach (var status in statuses)
            {
                writer.WriteNumberValue(status);
            }

            writer.WriteEndArray();
        }

        WriteNumber(writer, "success_before_passing", check.SuccessBeforePassing);
        WriteNumber(writer, "failures_before_critical", check.FailuresBeforeCritical);
        writer.WriteEndObject();
    }

    public static string ToJson(RegistryCheck check)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, check);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static RegistryCheck Read(JsonElement json)
    {
        TryParseType(Text(json, "type"), out var type);
        IReadOnlyList<int>? statuses = json.TryGetProperty("expected_statuses", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(s => s.GetInt32())]
            : null;
        return new RegistryCheck(type, Duration(json, "ttl"), Text(json, "path"), Duration(json, "interval"), Duration(json, "timeout"),
            statuses, Number(json, "success_before_passing"), Number(json, "failures_before_critical"));
    }

    private static void WriteDuration(Utf8JsonWriter writer, string name, TimeSpan? duration)
    {
        if (duration is { } value)
        {
            writer.WriteString(name, RegistryDuration.Format(value));
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? number)
    {
        if (number is { } value)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? Duration(JsonElement json, string name) =>
        RegistryDuration.TryParse(Text(json, name), out var duration) ? duration : null;

    private static int? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
