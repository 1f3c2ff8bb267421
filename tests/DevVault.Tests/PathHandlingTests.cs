using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>vault-kv-contract §1 and §3.12: URL prefix, decoding, printable check, ServeMux redirects, token headers.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class PathHandlingTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Theory]
    [InlineData("/")]
    [InlineData("/v2/secret/data/app")]
    [InlineData("/ui/")]
    public async Task AnythingOutsideV1IsAnEmptyErrorsNotFound(string path)
    {
        ContractAssert.MatchesFixture(await Http.GetAsync(path), 404, "kv2-read-notfound-404.json");
    }

    [Theory]
    [InlineData("/v1/secret/data/a%01b")]
    [InlineData("/v1/secret/data/a%C2%A0b")]
    [InlineData("/v1/secret/data/a%E2%80%A8b")]
    [InlineData("/v1/secret/data/tab%09")]
    public async Task NonPrintablePathsAreA400WithNoBodyAndNoContentType(string path)
    {
        VaultReply reply = await Http.GetAsync(path);

        Assert.Equal(400, reply.Status);
        Assert.Null(reply.ContentType);
        Assert.Empty(reply.Body);
    }

    [Theory]
    [InlineData("/v1/secret//data/app?version=1", "/v1/secret/data/app?version=1")]
    [InlineData("/v1/secret/./data/app", "/v1/secret/data/app")]
    [InlineData("/v1/secret/data/x/../app", "/v1/secret/data/app")]
    [InlineData("/v1/secret/metadata/dir//", "/v1/secret/metadata/dir/")]
    [InlineData("/v1", "/v1/")]
    public async Task UncleanPathsAreRedirectedPermanentlyToTheCleanedPath(string path, string location)
    {
        VaultReply reply = await Http.GetAsync(path);

        Assert.Equal(301, reply.Status);
        Assert.Equal(location, reply.Location);
        Assert.Equal("text/html; charset=utf-8", reply.ContentType);
        Assert.Equal($"<a href=\"{location}\">Moved Permanently</a>.\n\n", reply.Text);
    }

    [Fact]
    public async Task PercentEncodedSlashesAreFolderSeparatorsAndSpacesAreLegal()
    {
        string folder = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{folder}%2Fmy%20key", """{"data":{"a":"1"}}""");

        VaultReply read = await Http.GetAsync($"/v1/secret/data/{folder}/my key".Replace(" ", "%20", StringComparison.Ordinal));
        VaultReply list = await Http.ListAsync($"/v1/secret/metadata/{folder}");

        Assert.Equal(200, read.Status);
        Assert.Equal("my key", list.Json.GetProperty("data").GetProperty("keys")[0].GetString());
    }

    [Fact]
    public async Task BearerAuthorizationWorksAndXVaultTokenWinsOverIt()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{}}""");

        VaultReply bearer = await Http.SendAsync("GET", $"/v1/secret/data/{key}", token: null,
            customize: request => request.Headers.Authorization = new("Bearer", RunningVault.RootToken));
        VaultReply both = await Http.SendAsync("GET", $"/v1/secret/data/{key}", token: "hvs.unknown",
            customize: request => request.Headers.Authorization = new("Bearer", RunningVault.RootToken));

        Assert.Equal(200, bearer.Status);
        ContractAssert.MatchesFixture(both, 403, "invalid-token-403.json");
    }

    [Fact]
    public async Task EveryJsonAnswerCarriesNoStoreAndJsonContentTypeIncluding204()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{}}""");

        VaultReply deleted = await Http.DeleteAsync($"/v1/secret/data/{key}");

        ContractAssert.EmptyJson(deleted);
    }
}
