using System.Net;
using System.Net.Http.Json;

namespace ConfigCluster.BenchTools.Seeding;

/// <summary>
/// Creates the run's configs through the REST API (POST, as a user would), many at a time. A config
/// that already exists counts as seeded; any other answer fails the run.
/// </summary>
internal static class Seeder
{
    public static Task<int> RunAsync(CommandLineOptions options)
    {
        var layout = new BenchLayout(options.Number("configs", 10_000), options.Number("services", 100));
        return ConcurrentSeed.RunAsync(options.Text("url"), layout.Configs, options.Number("concurrency", 32), "configs",
            (http, i, cancellationToken) => CreateAsync(http, layout, i, cancellationToken));
    }

    private static async Task<bool> CreateAsync(HttpClient http, BenchLayout layout, int i, CancellationToken cancellationToken)
    {
        var address = layout.Address(i);
        var body = new CreateBody(address.Key, BenchLayout.SeedValue(i), address.Environment, address.ServiceName, BenchLayout.IsEncrypted(i));
        using var response = await http.PostAsJsonAsync("/api/v1/config", body, SeedJsonContext.Default.CreateBody, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict)
        {
            return true;
        }

        Console.Error.WriteLine($"create {address} answered {(int)response.StatusCode}");
        return false;
    }
}
