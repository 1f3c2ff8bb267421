using System.Runtime.InteropServices;
using ConfigCluster.DevKafka;

// An embedded Kafka for local runs: prints "KAFKA_BOOTSTRAP_SERVERS=<host:port,...>" as its first stdout line
// (and first writes it to DEV_KAFKA_BOOTSTRAP_FILE when set), then serves until SIGINT or SIGTERM.
using var stop = new ManualResetEventSlim();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

var settings = DevKafkaSettings.FromEnvironment(Environment.GetEnvironmentVariable);
using var cluster = MockKafkaCluster.Start(
    settings.Brokers, (settings.Topic, settings.Partitions), (settings.AccessTopic, 1), (settings.FlagTopic, settings.Partitions),
    (settings.RegistryTopic, settings.Partitions));
var line = $"KAFKA_BOOTSTRAP_SERVERS={cluster.BootstrapServers}";
if (settings.BootstrapFile is { } file)
{
    // Written whole, then renamed: whoever sees the file or the stdout line finds the file complete.
    File.WriteAllText(file + ".tmp", line + "\n");
    File.Move(file + ".tmp", file, overwrite: true);
}

Console.Out.WriteLine(line);
Console.Out.Flush();
stop.Wait();
Console.Error.WriteLine("dev kafka stopped");

void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Set();
}
