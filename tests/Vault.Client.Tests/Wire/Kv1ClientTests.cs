using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Wire;

/// <summary>KV v1: secrets directly at <c>{mount}/{key}</c>, no envelope nesting, no versions.</summary>
public sealed class Kv1ClientTests
{
    private static StubVault Kv1Vault(StubHandler handler) => new(handler, o => (o.MountPoint, o.KvVersion) = ("kv", 1));

    [Fact]
    public async Task ReadReturnsTheSecretsFields()
    {
        using var vault = Kv1Vault(StubHandler.Serving(200, """{"request_id":"x","data":{"password":"p","n":2},"warnings":null}"""));

        var read = await vault.Kv1.ReadAsync(KvPath.Create("app", "db"));

        Assert.True(read.IsOk);
        Assert.Equal("p", (string?)read.Value!["password"]);
        Assert.Equal("/v1/kv/app/db", vault.Single.Target);
    }

    [Fact]
    public async Task ReadOfAMissingSecretIsNotFound()
    {
        using var vault = Kv1Vault(StubHandler.Fixture("kv2-read-notfound-404"));

        var read = await vault.Kv1.ReadAsync(KvPath.Create("app"));

        Assert.Equal(VaultOutcome.NotFound, read.Outcome);
    }

    [Fact]
    public async Task WriteSendsTheSecretItselfAsTheBody()
    {
        using var vault = Kv1Vault(StubHandler.Serving(204, []));

        var written = await vault.Kv1.WriteAsync(KvPath.Create("app"), new JsonObject { ["value"] = "v" });

        Assert.True(written.IsOk);
        Assert.Equal("""{"value":"v"}""", vault.Single.Json!.ToJsonString());
        Assert.Equal(HttpMethod.Post, vault.Single.Method);
    }

    [Fact]
    public async Task ListAndDeleteUseTheMountPathsDirectly()
    {
        using var vault = Kv1Vault(StubHandler.Serving(200, """{"data":{"keys":["a","b/"]}}"""));

        var listed = await vault.Kv1.ListAsync(KvPath.Create("app"));
        await vault.Kv1.DeleteAsync(KvPath.Create("app", "a"));

        Assert.Equal(["a", "b/"], listed.Value!);
        Assert.Equal(["GET /v1/kv/app?list=true", "DELETE /v1/kv/app/a"], vault.Handler.Requests.Select(r => $"{r.Method} {r.Target}"));
    }

    [Fact]
    public async Task AnotherMountIsReachedOverTheSameConnection()
    {
        using var vault = Kv1Vault(StubHandler.Serving(404, """{"errors":[]}"""));

        var listed = await vault.Kv1.WithMount("legacy").ListAsync(KvPath.Root);

        Assert.True(listed.IsOk);
        Assert.Equal("/v1/legacy?list=true", vault.Single.Target);
    }
}
