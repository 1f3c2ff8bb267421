using System.Reflection;
using System.Runtime.InteropServices;
using ConfigCluster.DevKafka.Native;
using Confluent.Kafka;

namespace ConfigCluster.Adapters.Kafka.Tests.Support;

/// <summary>Triggers a librdkafka fatal error on a live client (rd_kafka_test_fatal_error).</summary>
internal static class FatalErrors
{
    private const int OutOfOrderSequenceNumber = 45;

    public static void Trigger(Handle handle)
    {
        // Confluent.Kafka keeps the rd_kafka_t* in an internal SafeHandle; tests may reach for it.
        var property = typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("Confluent.Kafka.Handle.LibrdkafkaHandle is gone.");
        var safeHandle = (SafeHandle)property.GetValue(handle)!;
        LibrdkafkaNative.Check(LibrdkafkaNative.TestFatalError(safeHandle.DangerousGetHandle(), OutOfOrderSequenceNumber, "test"), "test fatal error");
    }
}
