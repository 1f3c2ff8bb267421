using System.Buffers;
using System.Text;
using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Ports.Registry;

namespace ConfigCluster.Adapters.Postgres.Registry;

/// <summary>
/// What an instance's audit row and event say of it: why it changed (<c>registered</c>, <c>status</c>,
/// <c>deregistered</c>, <c>expired</c>), its status (and the one before), where it listens, its check's type, tags and
/// weight. Never its metadata values or a check's output, which the instance's owner chose and may be sensitive.
/// </summary>
internal static class RegistryAuditDetails
{
    public static string Of(RegistryWrite write, InstanceStatus? storedStatus)
    {
        var instance = write.Instance;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("reason", write.Kind switch
            {
                RegistryWriteKind.Register => "registered",
                RegistryWriteKind.Status => "status",
                RegistryWriteKind.Deregister => "deregistered",
                _ => "expired",
            });
            writer.WriteString("status", InstanceStatuses.ToText(instance.Status));
            if ((write.OldStatus ?? storedStatus) is { } old)
            {
                writer.WriteString("old_status", InstanceStatuses.ToText(old));
            }

            writer.WriteString("address", instance.Registration.Address);
            writer.WriteNumber("port", instance.Registration.Port);
            writer.WriteString("check", RegistryCheckJson.TypeText(instance.Registration.Check.Type));
            writer.WriteStartArray("tags");
            foreach (var tag in instance.Registration.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteNumber("weight", instance.Registration.Weight);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
