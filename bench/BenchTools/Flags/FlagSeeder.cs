using System.Net;
using System.Text;

namespace ConfigCluster.BenchTools.Flags;

/// <summary>Creates the run's flags (<see cref="BenchFlags"/>) through the REST API; a flag created before counts as seeded.</summary>
internal static class FlagSeeder
{
    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        using var http = new HttpClient { BaseAddress = new Uri(options.Text("url")) };
        var keys = Enumerable.Range(0, BenchFlags.Count).Select(BenchFlags.Key).Append(BenchFlags.Dial);
        foreach (var key in keys)
        {
            using var response = await http.PostAsync("/api/v1/flags",
                new StringContent(BenchFlags.Definition(key), Encoding.UTF8, "application/json"));
            if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            {
                Console.Error.WriteLine($"create flag {key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return 1;
            }
        }

        Console.WriteLine($"seeded {BenchFlags.Count + 1} flags");
        return 0;
    }
}
