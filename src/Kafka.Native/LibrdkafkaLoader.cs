using System.Reflection;
using System.Runtime.InteropServices;

namespace ConfigCluster.Kafka.Native;

/// <summary>
/// Loads librdkafka once, before the first Kafka client is built. On glibc linux-x64 the plain
/// <c>librdkafka.so</c> of <c>librdkafka.redist</c> needs <c>libsasl2.so.3</c>, which Debian images lack, so
/// the self-contained <c>centos8-librdkafka.so</c> next to the app is loaded instead, for Confluent.Kafka
/// (<c>Library.Load(path)</c>) and for any P/Invoke that asks for <see cref="LibraryName"/>; elsewhere
/// Confluent.Kafka's own choice stands.
/// </summary>
public static class LibrdkafkaLoader
{
    /// <summary>The librdkafka build preferred on glibc linux-x64.</summary>
    public const string LinuxX64FileName = "centos8-librdkafka.so";

    /// <summary>The name Confluent.Kafka's (and our) <c>[DllImport]</c>s use for librdkafka.</summary>
    public const string LibraryName = "librdkafka";

    private static readonly Lock Gate = new();
    private static bool _loaded;
    private static string? _path;
    private static IntPtr _handle;

    /// <summary>The OS handle of the loaded preferred library; zero when Confluent.Kafka's default is used.</summary>
    public static IntPtr NativeHandle
    {
        get
        {
            EnsureLoaded();
            return _handle;
        }
    }

    /// <summary>
    /// Loads librdkafka into Confluent.Kafka (idempotent, thread-safe). Returns the path of the loaded
    /// file, or null when Confluent.Kafka's default loading is used.
    /// </summary>
    public static string? EnsureLoaded()
    {
        lock (Gate)
        {
            if (!_loaded)
            {
                _path = FindPreferredLibrary();
                if (_path is not null)
                {
                    _handle = NativeLibrary.Load(_path);
                    RouteConfluentImports();
                    // False when Confluent.Kafka already loaded a librdkafka; that one stays.
                    Confluent.Kafka.Library.Load(_path);
                }

                _loaded = true;
            }

            return _path;
        }
    }

    /// <summary>
    /// The full path of <see cref="LinuxX64FileName"/> on glibc linux-x64, looked up under
    /// <c>runtimes/linux-x64/native/</c> of the app directory and then in the app directory itself
    /// (RID-specific publish flattens it); null elsewhere or when absent.
    /// </summary>
    public static string? FindPreferredLibrary()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64
            || RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal))
        {
            return null;
        }

        var baseDirectory = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(baseDirectory, "runtimes", "linux-x64", "native", LinuxX64FileName),
            Path.Combine(baseDirectory, LinuxX64FileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// <c>Library.Load(path)</c> dlopens the file through <c>[DllImport("libdl")]</c>, which glibc 2.34+ only
    /// ships as <c>libdl.so.2</c>, and then binds <c>[DllImport("librdkafka")]</c>, which the runtime would
    /// resolve to the plain <c>librdkafka.so</c>. Both names are routed here, for Confluent.Kafka only.
    /// </summary>
    private static void RouteConfluentImports()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Confluent.Kafka.Library).Assembly, ResolveConfluentImport);
        }
        catch (InvalidOperationException)
        {
            // Confluent.Kafka (or the host) installed its own resolver; it stays in charge.
        }
    }

    private static IntPtr ResolveConfluentImport(string name, Assembly assembly, DllImportSearchPath? searchPath) => name switch
    {
        LibraryName => _handle,
        "libdl" => NativeLibrary.TryLoad("libdl.so.2", out var libdl) ? libdl : IntPtr.Zero,
        _ => IntPtr.Zero,
    };
}
