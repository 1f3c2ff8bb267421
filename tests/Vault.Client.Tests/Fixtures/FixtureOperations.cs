using System.Text.Json.Nodes;
using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigCluster.Vault.Client.Tests.Fixtures;

/// <summary>The client call each fixture answers, reduced to what every result has.</summary>
internal static class FixtureOperations
{
    private static readonly KvPath Key = KvPath.Create("app", "db");

    public static async Task<Observed> Kv2Read(StubVault v) => Of(await v.Kv2.ReadAsync(Key));

    public static async Task<Observed> Kv2Write(StubVault v) => Of(await v.Kv2.WriteAsync(Key, new JsonObject { ["k"] = "v" }, cas: 1));

    public static async Task<Observed> Kv2Patch(StubVault v) => Of(await v.Kv2.PatchAsync(Key, new JsonObject { ["k"] = "v" }));

    public static async Task<Observed> Kv2ReadMetadata(StubVault v) => Of(await v.Kv2.ReadMetadataAsync(Key));

    public static async Task<Observed> Kv2WriteMetadata(StubVault v) => Of(await v.Kv2.WriteMetadataAsync(Key, new KvMetadataUpdate(CasRequired: false)));

    public static async Task<Observed> Kv2DeleteVersions(StubVault v) => Of(await v.Kv2.DeleteVersionsAsync(Key, [1]));

    public static async Task<Observed> Kv2UndeleteVersions(StubVault v) => Of(await v.Kv2.UndeleteVersionsAsync(Key, [1]));

    public static async Task<Observed> Kv2DestroyVersions(StubVault v) => Of(await v.Kv2.DestroyVersionsAsync(Key, [1]));

    public static async Task<Observed> Kv2List(StubVault v) => Of(await v.Kv2.ListAsync(KvPath.Create("app")));

    public static async Task<Observed> Kv2ReadConfig(StubVault v) => Of(await v.Kv2.ReadMountConfigAsync());

    public static async Task<Observed> Health(StubVault v) => Of(await v.Sys.HealthAsync());

    public static async Task<Observed> LookupSelf(StubVault v) => Of(await v.Sys.LookupSelfAsync());

    public static async Task<Observed> RenewSelf(StubVault v) => Of(await v.Sys.RenewSelfAsync());

    public static async Task<Observed> ReadMount(StubVault v) => Of(await v.Sys.ReadMountAsync("secret"));

    public static async Task<Observed> ListMounts(StubVault v) => Of(await v.Sys.ListMountsAsync());

    /// <summary>Login is not part of the client API: these answers go through the shared transport and classifier.</summary>
    public static async Task<Observed> Login(StubVault v)
    {
        var request = VaultRequest.Post("auth/approle/login", """{"role_id":"r","secret_id":"s"}"""u8.ToArray()) with { Authenticated = false };
        return Of((await v.Transport.SendAsync(request, CancellationToken.None)).ToResult(NullLogger.Instance));
    }

    private static Observed Of<T>(VaultResult<T> result) => new(result.Outcome, result.HttpStatus, result.Error, result.Value is not null);

    private static Observed Of(VaultResult result) => new(result.Outcome, result.HttpStatus, result.Error, false);
}

internal sealed record Observed(VaultOutcome Outcome, int? HttpStatus, string? Error, bool HasValue);
