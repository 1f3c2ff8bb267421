using System.Buffers;
using System.Text;
using System.Text.Json;
using ConfigCluster.Ports;
using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka;

/// <summary>
/// The Kafka message of one change (decision 11): key <c>{environment}/{service_name}/{key}</c>, a UTF-8 JSON
/// value without the config's value, and the <c>event_id</c> header consumers deduplicate by.
/// </summary>
internal static class ChangeEventMessage
{
    public const string EventIdHeader = "event_id";

    public static Message<string, byte[]> Create(ChangeRecord change) => new()
    {
        Key = change.Entity switch
        {
            ChangeEntity.Config => change.Address.Path,
            ChangeEntity.Flag => $"{change.Address.Environment}/{change.Address.Key}",
            ChangeEntity.Instance => $"{change.Address.Environment}/{change.Address.ServiceName}",
            _ => $"{EntityName(change.Entity)}/{change.Address.Key}",
        },
        Value = Serialize(change),
        Timestamp = new Timestamp(change.At),
        Headers = new Headers { { EventIdHeader, Encoding.UTF8.GetBytes(change.EventId.ToString("D")) } },
    };

    public static byte[] Serialize(ChangeRecord change)
    {
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (change.Entity != ChangeEntity.Config)
            {
                WriteEntityEvent(writer, change);
                writer.Flush();
                return buffer.WrittenSpan.ToArray();
            }

            writer.WriteStartObject();
            writer.WriteString("event_id", change.EventId);
            writer.WriteString("event_type", EventType(change.Action));
            writer.WriteString("environment", change.Address.Environment);
            writer.WriteString("service_name", change.Address.ServiceName);
            writer.WriteString("key", change.Address.Key);
            writer.WriteNumber("version", change.NewVersion);
            writer.WriteNumber("old_version", change.OldVersion);
            writer.WriteBoolean("is_encrypted", change.IsEncrypted);
            // A UTC DateTime is written as RFC 3339 with a 'Z' suffix.
            writer.WriteString("timestamp", change.At.UtcDateTime);
            writer.WriteString("actor", change.Actor);
            writer.WriteString("request_id", change.RequestId);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// An event of another entity, with the same envelope fields as a config's event: a flag's environment, key and
    /// versions, an instance's environment, service, id and registry indexes, or an API key's id; and the details its audit row holds (a flag's definition, a key's name and grants;
    /// never a secret).
    /// </summary>
    private static void WriteEntityEvent(Utf8JsonWriter writer, ChangeRecord change)
    {
        writer.WriteStartObject();
        writer.WriteString("event_id", change.EventId);
        writer.WriteString("event_type", EventType(change.Action));
        writer.WriteString("entity", EntityName(change.Entity));
        if (change.Entity == ChangeEntity.Flag)
        {
            writer.WriteString("environment", change.Address.Environment);
            writer.WriteString("key", change.Address.Key);
            writer.WriteNumber("version", change.NewVersion);
            writer.WriteNumber("old_version", change.OldVersion);
        }
        else if (change.Entity == ChangeEntity.Instance)
        {
            writer.WriteString("environment", change.Address.Environment);
            writer.WriteString("service", change.Address.ServiceName);
            writer.WriteString("instance_id", change.Address.Key);
            writer.WriteNumber("index", change.NewVersion);
            writer.WriteNumber("old_index", change.OldVersion);
        }
        else
        {
            writer.WriteString("id", change.Address.Key);
        }

        if (change.Details is { } details)
        {
            writer.WritePropertyName("details");
            writer.WriteRawValue(details, skipInputValidation: false);
        }

        writer.WriteString("timestamp", change.At.UtcDateTime);
        writer.WriteString("actor", change.Actor);
        writer.WriteString("request_id", change.RequestId);
        writer.WriteEndObject();
    }

    private static string EntityName(ChangeEntity entity) => entity switch
    {
        ChangeEntity.ApiKey => "api_key",
        ChangeEntity.Flag => "flag",
        ChangeEntity.Instance => "instance",
        _ => "config",
    };

    public static string EventType(ChangeAction action) => ChangeActionNames.ToText(action);
}
