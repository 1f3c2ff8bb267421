using ConfigCluster.DevVault.Tests.Infrastructure;

namespace ConfigCluster.DevVault.Tests;

/// <summary>Replays the contract's KV v2 metadata, list, versions and config fixtures.</summary>
[Collection(SharedVaultCollection.Name)]
public sealed class KvV2MetadataContractTests(SharedVault vault)
{
    private VaultHttp Http => vault.Http;

    [Fact]
    public async Task MetadataReadShowsVersionsAttributionAndOldestVersion()
    {
        string key = SharedVault.UniqueKey();
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"1"}}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"2"}}""");
        await Http.DeleteAsync($"/v1/secret/data/{key}");
        await Http.PostAsync($"/v1/secret/destroy/{key}", """{"versions":[1]}""");
        await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{"a":"3"}}""");
        await Http.PostAsync($"/v1/secret/metadata/{key}", """{"custom_metadata":{"owner":"team-a"}}""");

        VaultReply reply = await Http.GetAsync($"/v1/secret/metadata/{key}");

        ContractAssert.MatchesFixture(reply, 200, "kv2-metadata-read-200.json");
    }

    [Fact]
    public async Task WithoutItsAttributionFieldsMetadataReadIsTheLegacyBody()
    {
        string key = SharedVault.UniqueKey();
        for (int i = 0; i < 3; i++)
        {
            await Http.PostAsync($"/v1/secret/data/{key}", """{"data":{}}""");
        }

        VaultReply reply = await Http.GetAsync($"/v1/secret/metadata/{key}");
        string withoutAttribution = System.Text.RegularExpressions.Regex.Replace(
            reply.Text, "\"(created_by|deleted_by|last_updated_by)\":(null|\\{[^}]*\\}),", "");

        ContractAssert.MatchesFixture(reply with { Body = System.Text.Encoding.UTF8.GetBytes(withoutAttribution) }, 200, "kv2-metadata-read-legacy-200.json");
    }

    [Fact]
    public async Task EmptyCustomMetadataValueFailsValidationWithAMultierror()
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/metadata/{SharedVault.UniqueKey()}", """{"custom_metadata":{"owner":""}}""");

        // The fixture writes "<" raw; Vault's error encoder (json.NewEncoder) escapes it as \u003c.
        ContractAssert.MatchesFixture(reply, 400, "kv2-metadata-custom-metadata-invalid-400.json", fixtureLacksGoHtmlEscaping: true);
    }

    [Fact]
    public async Task CasRequiredFalseUnderAMountThatMandatesCasWarns()
    {
        await using RunningVault own = await RunningVault.StartAsync();
        await own.Http.PostAsync("/v1/secret/config", """{"cas_required":true}""");

        VaultReply reply = await own.Http.PostAsync("/v1/secret/metadata/app", """{"cas_required":false}""");

        ContractAssert.MatchesFixture(reply, 200, "kv2-metadata-write-warning-200.json");
    }

    [Fact]
    public async Task ListShowsImmediateChildrenInByteOrderWithFolders()
    {
        string folder = SharedVault.UniqueKey("list");
        foreach (string key in new[] { "foo", "db-password", "foo/bar", "app/x/y" })
        {
            await Http.PostAsync($"/v1/secret/data/{folder}/{key}", """{"data":{"v":"1"}}""");
        }

        VaultReply reply = await Http.ListAsync($"/v1/secret/metadata/{folder}");

        ContractAssert.MatchesFixture(reply, 200, "kv2-list-200.json");
    }

    [Theory]
    [InlineData("LIST", "")]
    [InlineData("GET", "?list=true")]
    public async Task ListingAFolderWithoutKeysIsAnEmptyErrorsNotFound(string method, string query)
    {
        VaultReply reply = await Http.SendAsync(method, $"/v1/secret/metadata/{SharedVault.UniqueKey()}/{query}");

        ContractAssert.MatchesFixture(reply, 404, "kv2-list-empty-404.json");
    }

    [Theory]
    [InlineData("delete", "kv2-delete-versions-none-400.json")]
    [InlineData("undelete", "kv2-undelete-versions-none-400.json")]
    [InlineData("destroy", "kv2-destroy-versions-none-400.json")]
    public async Task VersionOperationsWithoutVersionsAreRefused(string verb, string fixture)
    {
        VaultReply reply = await Http.PostAsync($"/v1/secret/{verb}/{SharedVault.UniqueKey()}", """{"versions":[]}""");

        ContractAssert.MatchesFixture(reply, 400, fixture);
    }

    [Fact]
    public async Task AFreshMountConfigReadsTheDefaults()
    {
        VaultReply reply = await Http.GetAsync("/v1/secret/config");

        ContractAssert.MatchesFixture(reply, 200, "kv2-config-read-200.json");
    }
}
