using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// The one JSON shape of a flag, snake_case, for the REST API and for storage:
/// <c>{"key":…,"environment":…,"description":…,"enabled":…,"rollout_percentage":…,"rollout_variant":…,
/// "target_users":[…],"target_variant":…,"excluded_users":[…],"rules":[…],"variants":{…},"default_variant":…,
/// "tags":[…],"version":…,"created_at":…,"updated_at":…}</c>. Storage leaves out what the row holds in columns:
/// key, environment, version and the times. Variants are an object and a split an array, both in the definition's
/// order.
/// </summary>
public static class FlagJson
{
    /// <summary>The fields a flag body may have: its definition's, and key, environment, version and times.</summary>
    public static IReadOnlySet<string> Fields => FlagJsonReader.NameSet;

    /// <summary>
    /// How deep stored JSON may nest: a variant value already passed <see cref="FlagDefinitionValidator"/> (at most
    /// the reader's default of 64 levels) and sits two levels down in the stored object.
    /// </summary>
    private const int StorageMaxDepth = 128;

    /// <summary>The flag as the API shows it, identity first and version and times last.</summary>
    public static void WriteApi(Utf8JsonWriter writer, FlagDefinition flag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(flag);
        writer.WriteStartObject();
        writer.WriteString("key"u8, flag.Key);
        writer.WriteString("environment"u8, flag.Environment);
        FlagJsonWriter.WriteDefinition(writer, flag);
        writer.WriteNumber("version"u8, flag.Version);
        writer.WriteString("created_at"u8, flag.CreatedAt.UtcDateTime);
        writer.WriteString("updated_at"u8, flag.UpdatedAt.UtcDateTime);
        writer.WriteEndObject();
    }

    public static byte[] ToApiUtf8(FlagDefinition flag) => Write(writer => WriteApi(writer, flag));

    /// <summary>
    /// The definition alone, compact and always the same text for the same definition (variant values
    /// re-serialized, numbers without trailing zeros), so that two definitions compare by their storage JSON.
    /// </summary>
    public static string ToStorageJson(FlagDefinition flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return Encoding.UTF8.GetString(Write(writer =>
        {
            writer.WriteStartObject();
            FlagJsonWriter.WriteDefinition(writer, flag);
            writer.WriteEndObject();
        }));
    }

    /// <summary>
    /// A stored flag, with its identity, version and times from the row. Throws <see cref="JsonException"/> when
    /// the stored JSON is not a definition as <see cref="ToStorageJson"/> writes it.
    /// </summary>
    public static FlagDefinition FromStorageJson(
        string environment, string key, string json, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = StorageMaxDepth });
        var result = Read(document.RootElement, new FlagDefinition());
        if (result.Flag is null)
        {
            var fields = string.Join(", ", result.Problems.Select(p => p.Field));
            throw new JsonException($"The stored flag {environment}/{key} v{version} does not read as a flag: {fields}.");
        }

        return result.Flag with
        {
            Environment = environment,
            Key = key,
            Version = version,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    /// <summary>
    /// Reads a request body on top of <paramref name="basis"/>: an absent field keeps the basis's value, a
    /// <c>null</c> one takes the default of a new <see cref="FlagDefinition"/>. <c>key</c> and <c>environment</c>
    /// are taken (for the caller to check against the address); <c>version</c>, <c>created_at</c> and
    /// <c>updated_at</c> are ignored, so that a flag as read from the API can be sent back. Strict about unknown
    /// fields and JSON types; does not validate the result (<see cref="FlagDefinitionValidator"/> does) and never
    /// throws for any JSON.
    /// </summary>
    public static FlagReadResult Read(JsonElement body, FlagDefinition basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return FlagJsonReader.Read(body, basis);
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
