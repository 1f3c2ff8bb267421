using System.Collections.Concurrent;
using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Concurrent writers against one key: every check-and-set is atomic.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2ConcurrencyTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task FiftyParallelCasWritersYieldVersionsOneToFiftyExactlyOnce()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"max_versions":100}""");
        var versions = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(writer => Task.Run(async () => versions.Add(await WriteWithRetryAsync(key, writer)))));

        Assert.Equal(Enumerable.Range(1, 50), versions.Order());
    }

    [Fact]
    public async Task FiftyParallelWritesWithTheSameCasLetExactlyOneThrough()
    {
        string key = SharedVault.UniqueKey();

        VaultReply[] replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(writer =>
            Http.PostAsync($"/v1/secret/data/{key}", CasWrite(0, writer))));

        Assert.Single(replies, reply => reply.Status == 200);
        Assert.Equal(49, replies.Count(reply => reply.Status == 400 && reply.Text.Contains("did not match", StringComparison.Ordinal)));
    }

    private async Task<int> WriteWithRetryAsync(string key, int writer)
    {
        while (true)
        {
            VaultReply metadata = await Http.GetAsync($"/v1/secret/metadata/{key}");
            int current = metadata.Json.GetProperty("data").GetProperty("current_version").GetInt32();
            VaultReply reply = await Http.PostAsync($"/v1/secret/data/{key}", CasWrite(current, writer));
            if (reply.Status == 200)
            {
                return reply.Json.GetProperty("data").GetProperty("version").GetInt32();
            }

            Assert.Equal(400, reply.Status);
        }
    }

    private static string CasWrite(int cas, int writer) =>
        "{\"options\":{\"cas\":" + cas + "},\"data\":{\"writer\":\"" + writer + "\"}}";
}
