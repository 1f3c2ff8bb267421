using System.Text.Json;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests.Storage;

/// <summary>A dev Vault with a storage path shows the same state after its server is stopped and started on that path.</summary>
public sealed class PersistentStateTests
{
    private const int Writers = 8;
    private const int WritesEach = 40;

    [Fact]
    public async Task EverySecretVersionAndSettingReadsBackIdenticallyAfterARestartFromTheJournalAndFromTheSnapshot()
    {
        using var storage = new StorageFolder();
        Dictionary<string, string> written;
        string clusterId;
        await using (RunningVault first = await storage.StartAsync(StoredScenario.Mounts))
        {
            await StoredScenario.WriteAsync(first.Http);
            written = await StoredScenario.ReadAsync(first.Http);
            clusterId = await ClusterIdAsync(first.Http);
        }

        (Dictionary<string, string> fromJournal, string idAfterJournal) = await ReadAfterStartAsync(storage);
        (Dictionary<string, string> fromSnapshot, string idAfterSnapshot) = await ReadAfterStartAsync(storage);

        Assert.StartsWith("200", written["/v1/secret/metadata/app/db"]);
        Assert.Contains("\"destroyed\":true", written["/v1/secret/metadata/app/db"]);
        Assert.StartsWith("404", written["/v1/secret/metadata/gone"]);
        Assert.Contains("\"life\":\"second\"", written["/v1/secret/data/reborn?version=1"]);
        Assert.All(written, answer => Assert.Equal(answer, KeyValuePair.Create(answer.Key, fromJournal[answer.Key])));
        Assert.All(written, answer => Assert.Equal(answer, KeyValuePair.Create(answer.Key, fromSnapshot[answer.Key])));
        Assert.Equal([clusterId, clusterId], [idAfterJournal, idAfterSnapshot]);
    }

    [Fact]
    public async Task ConcurrentWritesReadBackWithTheVersionsTheyWereAnswered()
    {
        using var storage = new StorageFolder();
        Dictionary<string, string> written;
        await using (RunningVault first = await storage.StartAsync())
        {
            await first.Http.PostAsync("/v1/secret/config", """{"max_versions":1000}""");
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => WriteManyAsync(first.Http, writer)));
            written = await ReadKeysAsync(first.Http);
        }

        await using RunningVault second = await storage.StartAsync();
        Dictionary<string, string> replayed = await ReadKeysAsync(second.Http);

        Assert.Contains($"\"current_version\":{Writers * WritesEach}", written["/v1/secret/metadata/shared"]);
        Assert.All(written, answer => Assert.Equal(answer, KeyValuePair.Create(answer.Key, replayed[answer.Key])));
    }

    private static async Task<(Dictionary<string, string> Answers, string ClusterId)> ReadAfterStartAsync(StorageFolder storage)
    {
        await using RunningVault vault = await storage.StartAsync(StoredScenario.Mounts);
        return (await StoredScenario.ReadAsync(vault.Http), await ClusterIdAsync(vault.Http));
    }

    private static async Task<string> ClusterIdAsync(VaultHttp http) =>
        (await http.GetAsync("/v1/sys/health", token: null)).Json.GetProperty("cluster_id").GetString()!;

    // Every writer adds versions to one shared key and to a key of its own, which it deletes now and then.
    private static async Task WriteManyAsync(VaultHttp http, int writer)
    {
        for (int i = 0; i < WritesEach; i++)
        {
            Assert.Equal(200, (await http.PostAsync("/v1/secret/data/shared", $$$"""{"data":{"writer":{{{writer}}},"i":{{{i}}}}}""")).Status);
            Assert.Equal(200, (await http.PostAsync($"/v1/secret/data/own-{writer}", $$$"""{"data":{"i":{{{i}}}}}""")).Status);
            if (i % 15 == 14)
            {
                Assert.Equal(204, (await http.DeleteAsync($"/v1/secret/metadata/own-{writer}")).Status);
            }
        }
    }

    private static async Task<Dictionary<string, string>> ReadKeysAsync(VaultHttp http)
    {
        IEnumerable<string> paths = Enumerable.Range(1, Writers * WritesEach).Select(version => $"/v1/secret/data/shared?version={version}")
            .Concat(Enumerable.Range(0, Writers).Select(writer => $"/v1/secret/metadata/own-{writer}"))
            .Append("/v1/secret/metadata/shared");
        var answers = new Dictionary<string, string>();
        foreach (string path in paths)
        {
            VaultReply reply = await http.GetAsync(path);
            answers[path] = $"{reply.Status} {JsonSerializer.Serialize(reply.Json.GetProperty("data"))}";
        }

        return answers;
    }
}
