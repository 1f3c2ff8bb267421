using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Wire;

/// <summary>What the client puts on the wire: headers, URLs, escaping and bodies (vault-kv-contract §1.2, §3, §7.8–§7.11).</summary>
public sealed class RequestShapeTests
{
    private const string Ok = """{"data":{"created_time":"2025-03-02T08:17:17Z","deletion_time":"","destroyed":false,"version":1}}""";

    [Fact]
    public async Task EveryRequestCarriesTheTokenAndTheRequestHeaderButNoNamespaceUnlessConfigured()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok));

        await vault.Kv2.ReadAsync(KvPath.Create("a"));

        var headers = vault.Single.Headers;
        Assert.Equal(StubVault.Token, headers["X-Vault-Token"]);
        Assert.Equal("true", headers["X-Vault-Request"]);
        Assert.False(headers.ContainsKey("X-Vault-Namespace"));
        Assert.False(headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task NamespaceHeaderIsSentWhenConfigured()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok), o => o.Namespace = "team-a/");

        await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.Equal("team-a/", vault.Single.Headers["X-Vault-Namespace"]);
    }

    [Fact]
    public async Task EachSegmentIsEscapedOnItsOwn()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok));

        await vault.Kv2.ReadAsync(KvPath.Create("a b", "c?d#e", "100%", "ü", "a..b", "x+y", "..."));

        Assert.Equal("/v1/secret/data/a%20b/c%3Fd%23e/100%25/%C3%BC/a..b/x%2By/...", vault.Single.Target);
    }

    [Fact]
    public async Task MultiSegmentMountAndVersionQueryAreUsed()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok), o => o.MountPoint = "/team/kv/");

        await vault.Kv2.ReadAsync(KvPath.Create("app"), version: 3);

        Assert.Equal("/v1/team/kv/data/app?version=3", vault.Single.Target);
    }

    [Fact]
    public async Task WriteSendsDataUnderDataAndCasUnderOptions()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok));

        await vault.Kv2.WriteAsync(KvPath.Create("app"), new JsonObject { ["value"] = "<a+b>", ["n"] = 1 }, cas: 0);

        var request = vault.Single;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/secret/data/app", request.Target);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(0, (long)request.Json!["options"]!["cas"]!);
        Assert.Equal("<a+b>", (string?)request.Json["data"]!["value"]);
        Assert.Equal(1, (int)request.Json["data"]!["n"]!);
    }

    [Fact]
    public async Task WriteWithoutCasSendsNoOptions()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok));

        await vault.Kv2.WriteAsync(KvPath.Create("app"), new JsonObject());

        Assert.Null(vault.Single.Json!["options"]);
    }

    [Fact]
    public async Task PatchUsesTheMergePatchContentType()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok));

        await vault.Kv2.PatchAsync(KvPath.Create("app"), new JsonObject { ["gone"] = null });

        var request = vault.Single;
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.StartsWith("application/merge-patch+json", request.ContentType, StringComparison.Ordinal);
        Assert.True(request.Json!["data"]!.AsObject().ContainsKey("gone"));
    }

    [Theory]
    [InlineData("", "/v1/secret/metadata?list=true")]
    [InlineData("app/db", "/v1/secret/metadata/app/db?list=true")]
    public async Task ListUsesGetWithTheListQuery(string folder, string expected)
    {
        using var vault = new StubVault(StubHandler.Serving(404, """{"errors":[]}"""));

        await vault.Kv2.ListAsync(KvPath.Parse(folder));

        Assert.Equal(HttpMethod.Get, vault.Single.Method);
        Assert.Equal(expected, vault.Single.Target);
    }

    [Theory]
    [InlineData("delete")]
    [InlineData("undelete")]
    [InlineData("destroy")]
    public async Task VersionOperationsPostTheVersionList(string verb)
    {
        using var vault = new StubVault(StubHandler.Serving(204, []));
        var path = KvPath.Create("app");

        var result = verb switch
        {
            "delete" => await vault.Kv2.DeleteVersionsAsync(path, [1, 3]),
            "undelete" => await vault.Kv2.UndeleteVersionsAsync(path, [1, 3]),
            _ => await vault.Kv2.DestroyVersionsAsync(path, [1, 3]),
        };

        Assert.True(result.IsOk);
        Assert.Equal($"/v1/secret/{verb}/app", vault.Single.Target);
        Assert.Equal("[1,3]", vault.Single.Json!["versions"]!.ToJsonString());
    }

    [Fact]
    public async Task EmptyVersionListIsRejectedWithoutACall()
    {
        using var vault = new StubVault(StubHandler.Serving(204, []));

        var result = await vault.Kv2.DeleteVersionsAsync(KvPath.Create("app"), []);

        Assert.Equal(VaultOutcome.Rejected, result.Outcome);
        Assert.Empty(vault.Handler.Requests);
    }

    [Fact]
    public async Task MetadataWriteSendsOnlyTheGivenFields()
    {
        using var vault = new StubVault(StubHandler.Serving(204, []));

        await vault.Kv2.WriteMetadataAsync(KvPath.Create("app"), new KvMetadataUpdate(MaxVersions: 2, CustomMetadata: new Dictionary<string, string> { ["owner"] = "a" }));

        Assert.Equal("""{"max_versions":2,"custom_metadata":{"owner":"a"}}""", vault.Single.Json!.ToJsonString());
    }

    [Fact]
    public async Task DeletesUseTheDataAndMetadataEndpoints()
    {
        using var vault = new StubVault(StubHandler.Serving(204, []));

        await vault.Kv2.DeleteLatestAsync(KvPath.Create("app"));
        await vault.Kv2.DeleteMetadataAsync(KvPath.Create("app"));

        Assert.Equal(["DELETE /v1/secret/data/app", "DELETE /v1/secret/metadata/app"], vault.Handler.Requests.Select(r => $"{r.Method} {r.Target}"));
    }

    [Fact]
    public async Task KeyOperationsOnTheMountRootAreRefusedAsABug()
    {
        using var vault = new StubVault(StubHandler.Serving(200, Ok));

        await Assert.ThrowsAsync<ArgumentException>(() => vault.Kv2.ReadAsync(KvPath.Root));
        await Assert.ThrowsAsync<ArgumentException>(() => vault.Kv1.WriteAsync(default, new JsonObject()));
        Assert.Empty(vault.Handler.Requests);
    }
}
