using System.Net;

namespace ConfigCluster.EndToEnd.Tests.SideEffects;

/// <summary>
/// Writes sent with an Idempotency-Key: a retry with the same key and body answers the first attempt's outcome
/// (same status, same body) without writing again, also when the first attempt's outcome was never learnt;
/// the same key for another request is 422; an attempt that changed nothing runs afresh. Vault is reached
/// through a proxy the tests can freeze.
/// </summary>
public sealed class IdempotentWriteTests(IdempotentWriteTests.FreezableVaultFixture fixture)
    : IClassFixture<IdempotentWriteTests.FreezableVaultFixture>
{
    private const string Env = "idem";
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task ARetriedCreateAnswersTheFirstOutcomeAndWritesOnce()
    {
        var key = NewKey();

        var first = await _http.CreateAsync(Env, "svc", "created-once", "v", idempotencyKey: key);
        var retry = await _http.CreateAsync(Env, "svc", "created-once", "v", idempotencyKey: key);

        await AssertSameAnswerAsync(first, retry, HttpStatusCode.Created);
        Assert.Equal(["created"], await CommittedActionsAsync("created-once"));
    }

    [Fact]
    public async Task ARetriedUpdateAnswersTheFirstOutcomeAndDoesNotMakeANewVersion()
    {
        await _http.CreateAsync(Env, "svc", "updated-once", "v1");
        var key = NewKey();

        var first = await _http.UpdateAsync(Env, "svc", "updated-once", "v2", encrypted: true, idempotencyKey: key);
        var retry = await _http.UpdateAsync(Env, "svc", "updated-once", "v2", encrypted: true, idempotencyKey: key);

        await AssertSameAnswerAsync(first, retry, HttpStatusCode.OK);
        Assert.Equal(("v2", 2L), await (await _http.ReadAsync(Env, "svc", "updated-once")).ValueAsync());
        Assert.Equal(["created", "updated"], await CommittedActionsAsync("updated-once"));
    }

    [Fact]
    public async Task ARetriedDeleteAnswers204AgainRatherThan404()
    {
        await _http.CreateAsync(Env, "svc", "deleted-once", "v1");
        var key = NewKey();

        var first = await _http.DeleteAsync(Env, "svc", "deleted-once", key);
        var retry = await _http.DeleteAsync(Env, "svc", "deleted-once", key);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, retry.StatusCode));
        Assert.Equal(["created", "deleted"], await CommittedActionsAsync("deleted-once"));
    }

    [Theory]
    [InlineData("another value", false, "reused-value")]
    [InlineData("v", true, "reused-flag")]
    public async Task TheSameKeyWithAnotherBodyAnswers422AndWritesNothing(string value, bool encrypted, string config)
    {
        await _http.CreateAsync(Env, "svc", config, "v0");
        var key = NewKey();
        Assert.Equal(HttpStatusCode.OK, (await _http.UpdateAsync(Env, "svc", config, "v", encrypted: false, idempotencyKey: key)).StatusCode);

        var reused = await _http.UpdateAsync(Env, "svc", config, value, encrypted: encrypted, idempotencyKey: key);

        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(("v", 2L), await (await _http.ReadAsync(Env, "svc", config)).ValueAsync());
    }

    [Fact]
    public async Task TheSameKeyForAnotherConfigAnswers422AndWritesNothing()
    {
        var key = NewKey();
        await _http.CreateAsync(Env, "svc", "first-config", "v", idempotencyKey: key);

        var other = await _http.CreateAsync(Env, "svc", "second-config", "v", idempotencyKey: key);

        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(HttpStatusCode.NotFound, (await _http.ReadAsync(Env, "svc", "second-config")).StatusCode);
    }

    [Fact]
    public async Task AWriteWhoseAnswerVaultNeverSentIsLearntOnRetryAndAppliedOnce()
    {
        await _http.CreateAsync(Env, "svc", "answer-lost", "v1");
        var key = NewKey();
        fixture.VaultProxy.Freeze(requests: false, answers: true);
        var lost = await _http.UpdateAsync(Env, "svc", "answer-lost", "v2", idempotencyKey: key);
        fixture.VaultProxy.Thaw();

        var retry = await _http.UpdateAsync(Env, "svc", "answer-lost", "v2", idempotencyKey: key);

        await AssertProblemAsync(lost, HttpStatusCode.ServiceUnavailable, "outcome_unknown");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(("v2", 2L), await retry.ValueAsync());
        Assert.Equal(["created", "updated"], await CommittedActionsAsync("answer-lost"));
    }

    [Fact]
    public async Task AWriteThatNeverReachedVaultIsAppliedByItsRetry()
    {
        var key = NewKey();
        fixture.VaultProxy.Freeze();
        var lost = await _http.CreateAsync(Env, "svc", "never-reached", "v", idempotencyKey: key);
        fixture.VaultProxy.Thaw();

        var retry = await _http.CreateAsync(Env, "svc", "never-reached", "v", idempotencyKey: key);

        await AssertProblemAsync(lost, HttpStatusCode.ServiceUnavailable, "outcome_unknown");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(("v", 1L), await retry.ValueAsync());
        Assert.Equal(["created"], await CommittedActionsAsync("never-reached"));
    }

    [Fact]
    public async Task AWriteRefusedWhileVaultWasSealedRunsAfreshWhenRetried()
    {
        var key = NewKey();
        fixture.Vault.State.Seal();
        var refused = await _http.CreateAsync(Env, "svc", "after-outage", "v", idempotencyKey: key);
        fixture.Vault.State.Unseal();

        var retry = await _http.CreateAsync(Env, "svc", "after-outage", "v", idempotencyKey: key);

        await AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "vault_unavailable");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(["created"], await CommittedActionsAsync("after-outage"));
    }

    [Fact]
    public async Task AKeyPastItsRetentionIsAFreshRequest()
    {
        await _http.CreateAsync(Env, "svc", "expired-key", "v1");
        var key = NewKey();
        await _http.UpdateAsync(Env, "svc", "expired-key", "v2", idempotencyKey: key);
        await fixture.Postgres.RunAsync($"UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE idempotency_key = '{key}'");

        var again = await _http.UpdateAsync(Env, "svc", "expired-key", "v2", idempotencyKey: key);

        Assert.Equal(("v2", 3L), await again.ValueAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task AMalformedKeyAnswers400AndWritesNothing(string malformed)
    {
        var response = await _http.CreateAsync(Env, "svc", "malformed-key", "v", idempotencyKey: malformed);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid");
        Assert.Equal(HttpStatusCode.NotFound, (await _http.ReadAsync(Env, "svc", "malformed-key")).StatusCode);
    }

    [Fact]
    public async Task AKeyOver255CharactersAnswers400()
    {
        var response = await _http.CreateAsync(Env, "svc", "long-key", "v", idempotencyKey: new string('k', 256));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid");
    }

    private static string NewKey() => $"key-{Guid.NewGuid():N}";

    private async Task<IReadOnlyList<string>> CommittedActionsAsync(string config) =>
        [.. (await fixture.Postgres.ChangeRowsAsync()).Where(r => r.Key == config && r.State == "committed").Select(r => r.Action)];

    private static async Task AssertSameAnswerAsync(HttpResponseMessage first, HttpResponseMessage retry, HttpStatusCode status)
    {
        Assert.Equal((status, status), (first.StatusCode, retry.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            Assert.NotNull(response.Headers.RetryAfter);
        }
    }

    /// <summary>The system with Vault behind a freezable proxy and a short Vault timeout.</summary>
    public sealed class FreezableVaultFixture : SystemFixture
    {
        public TcpProxy VaultProxy { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            VaultProxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, VaultOptions.Port));
            await base.InitializeAsync();
        }

        protected override IEnumerable<string> ExtraArgs =>
            [$"--VAULT_ADDR=http://127.0.0.1:{VaultProxy.Port}", "--Vault:Timeout=00:00:01"];

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await VaultProxy.DisposeAsync();
        }
    }
}
