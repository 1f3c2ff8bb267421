using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Grains.Registry;

namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The bodies of the registry API: an instance (every field of its registration, then <c>status</c>, <c>output</c>,
/// the times and <c>index</c>), a service's instances (<c>environment, service, index, instances</c>) and an
/// environment's services (each with its instance counts by status, its tags and its index).
/// </summary>
internal static class RegistryBodies
{
    public static byte[] Instance(RegistryInstance instance) => Utf8Json.Write(instance, WriteInstance);

    public static byte[] Instances(string environment, ServiceInstances service, IEnumerable<RegistryInstance> instances) =>
        Utf8Json.Write((environment, service, instances), static (writer, list) =>
        {
            writer.WriteStartObject();
            writer.WriteString("environment", list.environment);
            writer.WriteString("service", list.service.Service);
            writer.WriteNumber("index", list.service.Index);
            writer.WriteStartArray("instances");
            foreach (var instance in list.instances)
            {
                WriteInstance(writer, instance);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    public static byte[] Services(string environment, IEnumerable<ServiceInstances> services) =>
        Utf8Json.Write((environment, services), static (writer, all) =>
        {
            writer.WriteStartObject();
            writer.WriteString("environment", all.environment);
            writer.WriteStartArray("services");
            foreach (var service in all.services)
            {
                writer.WriteStartObject();
                writer.WriteString("service", service.Service);
                writer.WriteNumber("index", service.Index);
                writer.WriteNumber("instances", service.Instances.Length);
                writer.WriteNumber("passing", service.Instances.Count(i => i.Status == InstanceStatus.Passing));
                writer.WriteNumber("warning", service.Instances.Count(i => i.Status == InstanceStatus.Warning));
                writer.WriteNumber("critical", service.Instances.Count(i => i.Status == InstanceStatus.Critical));
                writer.WriteStartArray("tags");
                foreach (var tag in service.Instances.SelectMany(i => i.Registration.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteInstance(Utf8JsonWriter writer, RegistryInstance instance)
    {
        var registration = instance.Registration;
        writer.WriteStartObject();
        writer.WriteString("environment", instance.Environment);
        writer.WriteString("service", instance.Service);
        writer.WriteString("instance_id", instance.InstanceId);
        writer.WriteString("address", registration.Address);
        writer.WriteNumber("port", registration.Port);
        writer.WriteString("scheme", registration.Scheme);
        writer.WriteStartObject("metadata");
        foreach (var (key, value) in registration.Metadata)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("tags");
        foreach (var tag in registration.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteNumber("weight", registration.Weight);
        writer.WritePropertyName("check");
        RegistryCheckJson.Write(writer, registration.Check);
        writer.WriteString("deregister_critical_after", RegistryDuration.Format(registration.DeregisterCriticalAfter));
        writer.WriteString("status", InstanceStatuses.ToText(instance.Status));
        writer.WriteString("output", instance.Output);
        writer.WriteString("registered_at", instance.RegisteredAt.UtcDateTime);
        if (instance.LastHeartbeatAt is { } heartbeat)
        {
            writer.WriteString("last_heartbeat_at", heartbeat.UtcDateTime);
        }
        else
        {
            writer.WriteNull("last_heartbeat_at");
        }

        writer.WriteString("status_changed_at", instance.StatusChangedAt.UtcDateTime);
        writer.WriteNumber("index", instance.Index);
        writer.WriteEndObject();
    }
}
