using System.Runtime.InteropServices;
using System.Text;
using ConfigCluster.DevKafka.Native;

namespace ConfigCluster.DevKafka;

/// <summary>
/// librdkafka's mock cluster: brokers speaking the real Kafka protocol over TCP on loopback, reached by
/// any Kafka client through <see cref="BootstrapServers"/>. Broker ids run from 1 to <see cref="BrokerCount"/>.
/// Thread-safe; <see cref="Dispose"/> destroys the cluster. For local runs and tests only.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    private MockKafkaCluster(IntPtr handle, IntPtr cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaNative.MockClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster has no bootstrap servers.");
    }

    /// <summary>Comma-separated <c>host:port</c> of every broker.</summary>
    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>Starts <paramref name="brokers"/> brokers and creates <paramref name="topics"/> up front.</summary>
    public static MockKafkaCluster Start(int brokers = 3, params (string Topic, int Partitions)[] topics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        ArgumentNullException.ThrowIfNull(topics);
        Librdkafka.EnsureLoaded();
        var handle = NewHandle();
        var cluster = LibrdkafkaNative.MockClusterNew(handle, brokers);
        if (cluster == IntPtr.Zero)
        {
            LibrdkafkaNative.KafkaDestroy(handle);
            throw new InvalidOperationException("librdkafka could not create a mock cluster.");
        }

        var mock = new MockKafkaCluster(handle, cluster, brokers);
        try
        {
            foreach (var (topic, partitions) in topics)
            {
                mock.CreateTopic(topic, partitions);
            }
        }
        catch
        {
            mock.Dispose();
            throw;
        }

        return mock;
    }

    /// <summary>Creates a topic with a replication factor of up to 3 (never more than the brokers).</summary>
    public void CreateTopic(string topic, int partitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        Run(cluster => LibrdkafkaNative.MockTopicCreate(cluster, topic, partitions, Math.Min(3, BrokerCount)), "topic create");
    }

    /// <summary>Closes the broker's connections and refuses new ones until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int id) => Run(cluster => LibrdkafkaNative.MockBrokerSetDown(cluster, CheckId(id)), "broker set down");

    public void SetBrokerUp(int id) => Run(cluster => LibrdkafkaNative.MockBrokerSetUp(cluster, CheckId(id)), "broker set up");

    public void SetAllBrokersDown()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerDown(id);
        }
    }

    public void SetAllBrokersUp()
    {
        for (var id = 1; id <= BrokerCount; id++)
        {
            SetBrokerUp(id);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibrdkafkaNative.MockClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                LibrdkafkaNative.KafkaDestroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private int CheckId(int id)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(id, BrokerCount);
        return id;
    }

    private void Run(Func<IntPtr, int> operation, string name)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            LibrdkafkaNative.Check(operation(_cluster), name);
        }
    }

    /// <summary>The client handle that hosts the mock cluster's thread; it connects to nothing itself.</summary>
    private static IntPtr NewHandle()
    {
        var errstr = new byte[512];
        var conf = LibrdkafkaNative.ConfNew();
        // Only errors: the handle has no bootstrap servers, which librdkafka would warn about.
        var handle = LibrdkafkaNative.ConfSet(conf, "log_level", "3", errstr, (UIntPtr)errstr.Length) == 0
            ? LibrdkafkaNative.KafkaNew(LibrdkafkaNative.ProducerType, conf, errstr, (UIntPtr)errstr.Length)
            : IntPtr.Zero;
        if (handle == IntPtr.Zero)
        {
            // rd_kafka_new takes the configuration only when it succeeds.
            LibrdkafkaNative.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka could not create a handle: {Decode(errstr)}");
        }

        return handle;
    }

    private static string Decode(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }
}
