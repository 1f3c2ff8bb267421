using System.Text;
using ConfigCluster.BenchTools.Seeding;

namespace ConfigCluster.BenchTools.Registry;

/// <summary>
/// Registers the run's instances (<see cref="BenchRegistry"/>) through the REST API, many at a time. Registering is
/// idempotent (201 the first time, 200 after), so any 2xx counts as seeded; any other answer fails the run.
/// </summary>
internal static class RegistrySeeder
{
    public static Task<int> RunAsync(CommandLineOptions options)
    {
        var registry = new BenchRegistry(options.Number("instances", 10_000), options.Number("services", 100));
        return ConcurrentSeed.RunAsync(options.Text("url"), registry.Instances, options.Number("concurrency", 32), "registry instances",
            (http, i, cancellationToken) => RegisterAsync(http, registry, i, cancellationToken));
    }

    private static async Task<bool> RegisterAsync(HttpClient http, BenchRegistry registry, int i, CancellationToken cancellationToken)
    {
        var path = BenchRegistry.InstancePath(registry.ServiceOf(i), BenchRegistry.InstanceId(i));
        using var body = new StringContent(BenchRegistry.TtlRegistration(i), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(path, body, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        Console.Error.WriteLine($"register {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return false;
    }
}
