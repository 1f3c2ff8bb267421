using System.Reflection;
using System.Runtime.InteropServices;
using ConfigCluster.Kafka.Native;

namespace ConfigCluster.DevKafka.Native;

/// <summary>
/// Loads librdkafka once for Confluent.Kafka and for this assembly's P/Invokes (<see cref="LibrdkafkaNative"/>),
/// through the loader shared with the adapter (<see cref="LibrdkafkaLoader"/>), so both use the same library
/// instance.
/// </summary>
internal static class Librdkafka
{
    /// <summary>The library name our <c>[DllImport]</c>s use; resolved here.</summary>
    public const string LibraryName = LibrdkafkaLoader.LibraryName;

    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads librdkafka (idempotent, thread-safe).</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    private static bool Load()
    {
        LibrdkafkaLoader.EnsureLoaded();
        NativeLibrary.SetDllImportResolver(typeof(Librdkafka).Assembly, Resolve);
        return true;
    }

    // IntPtr.Zero falls back to the runtime's probing (runtimes/<rid>/native/librdkafka.*).
    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName ? LibrdkafkaLoader.NativeHandle : IntPtr.Zero;
}
