using System.Text;

namespace ConfigCluster.EndToEnd.Tests.Access;

/// <summary>
/// Every kind of caller against every operation, with anonymous callers allowed nothing: the status each gets, and
/// for every refused write, that Vault and the audit trail are unchanged. The configs read live in production/billing
/// (a plain and an encrypted one), production/auth and staging/billing.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.MatrixFixture fixture) : IClassFixture<AccessMatrixTests.MatrixFixture>
{
    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        void Row(string operation, int admin, int reader, int revealer, int writer, int refused)
        {
            data.Add("admin", operation, admin);
            data.Add("reader of production", operation, reader);
            data.Add("revealer of production/billing", operation, revealer);
            data.Add("writer of production/billing", operation, writer);
            foreach (var caller in new[] { "expired key", "revoked key", "unknown key", "bearer token while JWTs are off", "anonymous" })
            {
                data.Add(caller, operation, refused);
            }
        }

        Row("get plain", 200, 200, 200, 200, 401);
        Row("get encrypted", 200, 403, 200, 403, 401);
        Row("get plain of another service", 200, 200, 403, 403, 401);
        Row("get plain of another environment", 200, 403, 403, 403, 401);
        Row("list", 200, 200, 200, 200, 401);
        Row("history", 200, 200, 200, 200, 401);
        Row("create", 201, 403, 403, 201, 401);
        Row("update", 200, 403, 403, 200, 401);
        Row("delete", 204, 403, 403, 204, 401);
        Row("status", 200, 200, 200, 200, 401);
        Row("list keys", 200, 403, 403, 403, 401);
        Row("create key", 201, 403, 403, 403, 401);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerGetsItsStatusAndARefusedWriteChangesNothing(string caller, string operation, int expected)
    {
        using var http = fixture.ClientWith(fixture.Keys[caller]);
        var config = $"target-{Guid.NewGuid():N}";
        await fixture.SeedAsync("production", "billing", config, "before", encrypted: true);
        var committedBefore = await fixture.CommittedChangesOfAsync(config);

        using var response = await SendAsync(http, operation, config);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == (int)response.StatusCode, $"{caller} / {operation}: {(int)response.StatusCode} {body}");
        if (expected >= 400)
        {
            Assert.Equal(ConfigProblemContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(expected == 401 ? "unauthorized" : "forbidden", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
            Assert.Equal(expected == 401, response.Headers.WwwAuthenticate.Count > 0);
            Assert.Equal(("before", 1L), await fixture.ReadAsAdminAsync("production", "billing", config));
            Assert.Equal(committedBefore, await fixture.CommittedChangesOfAsync(config));
            Assert.DoesNotContain("before", body, StringComparison.Ordinal);
        }
    }

    private const string ConfigProblemContentType = "application/problem+json";

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string operation, string config) => operation switch
    {
        "get plain" => http.ReadAsync("production", "billing", "plain"),
        "get encrypted" => http.ReadAsync("production", "billing", "secret"),
        "get plain of another service" => http.ReadAsync("production", "auth", "plain"),
        "get plain of another environment" => http.ReadAsync("staging", "billing", "plain"),
        "list" => http.GetAsync("/api/v1/config?environment=production"),
        "history" => http.GetAsync($"/api/v1/config/{config}/history?environment=production&service_name=billing"),
        "create" => http.CreateAsync("production", "billing", $"new-{config}", "v"),
        "update" => http.UpdateAsync("production", "billing", config, "after"),
        "delete" => http.DeleteAsync("production", "billing", config),
        "status" => http.GetAsync("/api/v1/config/status"),
        "list keys" => http.GetAsync("/api/v1/auth/keys"),
        "create key" => http.PostAsync("/api/v1/auth/keys", new StringContent(
            """{"name":"made-by-matrix","grants":[{"environment":"*","service_name":"*","actions":["read"]}]}""", Encoding.UTF8, "application/json")),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>The locked-down system with its callers' keys and the configs they read.</summary>
    public sealed class MatrixFixture : LockedDownFixture
    {
        public Dictionary<string, string?> Keys { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await SeedAsync("production", "billing", "plain", "plain-value", encrypted: false);
            await SeedAsync("production", "billing", "secret", "secret-value", encrypted: true);
            await SeedAsync("production", "auth", "plain", "plain-value", encrypted: false);
            await SeedAsync("staging", "billing", "plain", "plain-value", encrypted: false);
            Keys["admin"] = (await CreateKeyAsync("admin", """[{"environment":"*","service_name":"*","actions":["admin"]}]""")).Secret;
            Keys["reader of production"] = (await CreateKeyAsync("reader", """[{"environment":"production","service_name":"*","actions":["read"]}]""")).Secret;
            Keys["revealer of production/billing"] = (await CreateKeyAsync("revealer",
                """[{"environment":"production","service_name":"billing","actions":["read","reveal"]}]""")).Secret;
            Keys["writer of production/billing"] = (await CreateKeyAsync("writer",
                """[{"environment":"production","service_name":"billing","actions":["read","write"]}]""")).Secret;
            var expired = await CreateKeyAsync("expired", """[{"environment":"*","service_name":"*","actions":["admin"]}]""");
            await Postgres.RunAsync($"UPDATE api_keys SET expires_at = now() - interval '1 minute', updated_at = now() WHERE id = '{expired.Id}'");
            Keys["expired key"] = expired.Secret;
            var revoked = await CreateKeyAsync("revoked", """[{"environment":"*","service_name":"*","actions":["admin"]}]""");
            await RevokeKeyAsync(revoked.Id);
            Keys["revoked key"] = revoked.Secret;
            Keys["unknown key"] = "cck_" + new string('x', 43);
            Keys["bearer token while JWTs are off"] = "eyJhbGciOiJSUzI1NiJ9.e30.c2ln";
            Keys["anonymous"] = null;
            using var expiredClient = ClientWith(expired.Secret);
            await Eventually.ReachesAsync(() => expiredClient.ReadAsync("production", "billing", "plain"),
                r => r.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the expired key to be refused");
        }

        public async Task SeedAsync(string environment, string service, string key, string value, bool encrypted)
        {
            using var admin = ClientWith(BootstrapKey);
            Assert.Equal(HttpStatusCode.Created, (await admin.CreateAsync(environment, service, key, value, encrypted)).StatusCode);
        }

        public async Task<(string Value, long Version)> ReadAsAdminAsync(string environment, string service, string key)
        {
            using var admin = ClientWith(BootstrapKey);
            return await (await admin.ReadAsync(environment, service, key)).ValueAsync();
        }
    }
}
