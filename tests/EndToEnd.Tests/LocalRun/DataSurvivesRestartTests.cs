using System.Diagnostics;
using Xunit.Abstractions;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// ./run.sh stopped with Ctrl-C and started again keeps every config and its audit trail; --reset starts empty. Each
/// start logs the silo in to the dev Vault with an AppRole it creates, and writes the role id to endpoints.env.
/// </summary>
[Collection(Cluster.SiloProcessesCollection.Name)]
public sealed class DataSurvivesRestartTests(ITestOutputHelper output)
{
    private const string Env = "localrun";
    private const string Svc = "svc";
    private const string Key = "kept";
    private const int SigIntExit = 130;

    [Fact]
    public async Task AConfigAndItsAuditTrailSurviveARestartAndResetStartsEmpty()
    {
        await using var run = LocalRunScript.Create();
        await TimedAsync("first start", () => run.StartAsync());
        var running = run.Processes().Select(ProcessName).ToList();
        var endpoints = File.ReadAllLines(Path.Combine(run.RunDirectory, "endpoints.env"));
        var authMethod = await VaultAuthMethodAsync(run);
        Assert.Equal(HttpStatusCode.Created, (await run.Gateway.CreateAsync(Env, Svc, Key, "first", encrypted: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await run.Gateway.UpdateAsync(Env, Svc, Key, "second")).StatusCode);
        await StopAsync(run);

        await TimedAsync("restart", () => run.StartAsync());
        var (value, version) = await (await run.Gateway.ReadAsync(Env, Svc, Key)).ValueAsync();
        int changes = await HistoryCountAsync(run);
        await StopAsync(run);

        IReadOnlyList<string> said = [];
        await TimedAsync("start with --reset", async () => said = await run.StartAsync("--reset"));
        var afterReset = await run.Gateway.ReadAsync(Env, Svc, Key);
        int changesAfterReset = await HistoryCountAsync(run);
        await StopAsync(run);

        Assert.Contains("postgres", running);
        Assert.Contains("redis-server", running);
        Assert.Contains("VAULT_AUTH_METHOD=approle", endpoints);
        Assert.Contains(endpoints, line => line.StartsWith("VAULT_ROLE_ID=", StringComparison.Ordinal) && line.Length > "VAULT_ROLE_ID=".Length);
        Assert.Equal("approle", authMethod);
        Assert.Equal(("second", 2L), (value, version));
        Assert.Equal(2, changes);
        Assert.Contains(said, line => line.StartsWith($"--reset: removing the PostgreSQL, Redis and Vault data in {run.DataDirectory}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, afterReset.StatusCode);
        Assert.Equal(0, changesAfterReset);
    }

    private static string ProcessName(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    /// <summary>How the silo logs in to Vault, as its status says: run.sh makes an AppRole in the dev Vault for it.</summary>
    private static async Task<string?> VaultAuthMethodAsync(LocalRunScript run)
    {
        using var response = await run.Gateway.GetAsync("/api/v1/config/status");
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return status.RootElement.GetProperty("vault_auth_method").GetString();
    }

    private static async Task<int> HistoryCountAsync(LocalRunScript run)
    {
        using var response = await run.Gateway.GetAsync($"/api/v1/config/{Key}/history?environment={Env}&service_name={Svc}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Ctrl-C stops ./run.sh and every process it started.</summary>
    private async Task StopAsync(LocalRunScript run)
    {
        await TimedAsync("Ctrl-C", async () => Assert.Equal(SigIntExit, await run.InterruptAsync()));
        Assert.Empty(run.Processes());
    }

    private async Task TimedAsync(string what, Func<Task> step)
    {
        var started = Stopwatch.GetTimestamp();
        await step();
        output.WriteLine($"{what}: {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }
}
