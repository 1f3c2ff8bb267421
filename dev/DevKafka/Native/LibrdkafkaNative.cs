using System.Runtime.InteropServices;

namespace ConfigCluster.DevKafka.Native;

/// <summary>The few librdkafka C functions the mock cluster needs. Call <see cref="Librdkafka.EnsureLoaded"/> first.</summary>
internal static class LibrdkafkaNative
{
    public const int ProducerType = 0;

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_conf_new")]
    public static extern IntPtr ConfNew();

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_conf_destroy")]
    public static extern void ConfDestroy(IntPtr conf);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_conf_set")]
    public static extern int ConfSet(
        IntPtr conf,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string value,
        byte[] errstr,
        UIntPtr errstrSize);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_new")]
    public static extern IntPtr KafkaNew(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_destroy")]
    public static extern void KafkaDestroy(IntPtr rk);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_err2str")]
    public static extern IntPtr ErrToString(int err);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static extern IntPtr MockClusterNew(IntPtr rk, int brokerCount);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static extern void MockClusterDestroy(IntPtr mcluster);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static extern IntPtr MockClusterBootstraps(IntPtr mcluster);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static extern int MockBrokerSetDown(IntPtr mcluster, int brokerId);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static extern int MockBrokerSetUp(IntPtr mcluster, int brokerId);

    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_mock_topic_create")]
    public static extern int MockTopicCreate(
        IntPtr mcluster,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string topic,
        int partitionCount,
        int replicationFactor);

    /// <summary>Makes the client <paramref name="rk"/> raise a fatal error, as a broker-side fencing would (tests only).</summary>
    [DllImport(Librdkafka.LibraryName, EntryPoint = "rd_kafka_test_fatal_error")]
    public static extern int TestFatalError(IntPtr rk, int err, [MarshalAs(UnmanagedType.LPUTF8Str)] string reason);

    /// <summary>Throws when <paramref name="err"/> is not RD_KAFKA_RESP_ERR_NO_ERROR.</summary>
    public static void Check(int err, string operation)
    {
        if (err != 0)
        {
            var reason = Marshal.PtrToStringUTF8(ErrToString(err)) ?? $"error {err}";
            throw new InvalidOperationException($"librdkafka {operation} failed: {reason}");
        }
    }
}
