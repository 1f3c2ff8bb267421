using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConfigCluster.Vault.Client.Tests.Auth;

/// <summary>
/// A Vault scripted for the login cycle, on a fake clock: <c>auth/approle/login</c> issues tokens with
/// <see cref="LoginTtl"/>, <c>renew-self</c> answers <see cref="RenewTo"/> (or refuses), other calls answer 200 for a
/// live token and 403 for any other; a path containing <c>forbidden</c> is denied to every token (a policy refusal). What each request carried is kept.
/// </summary>
internal sealed class ScriptedAuthVault : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _live = new(StringComparer.Ordinal);
    private int _issued;

    public ScriptedAuthVault()
    {
        Handler = new StubHandler((request, _, _) => Task.FromResult(Answer(request)));
        Options = new VaultOptions
        {
            Address = new Uri("http://vault.test:8200"),
            Timeout = TimeSpan.FromSeconds(10),
            Auth = new VaultAuthOptions { Method = VaultAuthMethod.AppRole, RoleId = "role-id-1", SecretId = "secret-id-1" },
        };
        Transport = new VaultTransport(Options, NullLogger.Instance, Handler, Clock) { ReadRetryDelays = [] };
    }

    public FakeTimeProvider Clock { get; } = new();

    public StubHandler Handler { get; }

    public VaultOptions Options { get; }

    public VaultTransport Transport { get; }

    public VaultKv2Client Kv2 => new(Transport);

    public VaultSysClient Sys => new(Transport);

    public long LoginTtl { get; set; } = 30;

    /// <summary>What renew-self grants; null refuses it (403).</summary>
    public long? RenewTo { get; set; } = 30;

    /// <summary>Login answers 400 "invalid role or secret ID" while set.</summary>
    public bool RefuseLogin { get; set; }

    public IReadOnlyList<RecordedRequest> Logins => [.. Handler.Requests.Where(r => r.Target.EndsWith("/login", StringComparison.Ordinal))];

    public IReadOnlyList<RecordedRequest> Renewals => [.. Handler.Requests.Where(r => r.Target.EndsWith("/renew-self", StringComparison.Ordinal))];

    public string TokenOf(RecordedRequest request) => request.Headers.GetValueOrDefault("X-Vault-Token") ?? "";

    /// <summary>Vault forgets a token (revoked or expired behind the client's back).</summary>
    public void Revoke(string token) => _live.TryRemove(token, out _);

    public void Dispose() => Transport.Dispose();

    private HttpResponseMessage Answer(RecordedRequest request)
    {
        var token = TokenOf(request);
        return request.Target switch
        {
            "/v1/auth/approle/login" when RefuseLogin => StubHandler.Response(400, """{"errors":["invalid role or secret ID"]}"""),
            "/v1/auth/approle/login" => Issue(),
            "/v1/auth/token/renew-self" when _live.ContainsKey(token) && RenewTo is { } ttl => StubHandler.Response(200, AuthBody(token, ttl)),
            _ when !_live.ContainsKey(token) => StubHandler.Response(403, """{"errors":["permission denied"]}"""),
            _ when request.Target.Contains("/forbidden", StringComparison.Ordinal) => StubHandler.Response(403, """{"errors":["permission denied"]}"""),
            _ when request.Method == HttpMethod.Post => StubHandler.Response(200, """{"data":{"created_time":"2025-03-02T08:20:01Z","deletion_time":"","destroyed":false,"version":2}}"""),
            _ => StubHandler.Response(200, """{"data":{"data":{"k":"v"},"metadata":{"created_time":"2025-03-02T08:20:01Z","deletion_time":"","destroyed":false,"version":1}}}"""),
        };
    }

    private HttpResponseMessage Issue()
    {
        var token = $"hvs.issued-{Interlocked.Increment(ref _issued)}";
        _live[token] = true;
        return StubHandler.Response(200, AuthBody(token, LoginTtl));
    }

    private static string AuthBody(string token, long ttl) => new JsonObject
    {
        ["request_id"] = "r",
        ["lease_id"] = "",
        ["renewable"] = false,
        ["lease_duration"] = 0,
        ["data"] = null,
        ["wrap_info"] = null,
        ["warnings"] = null,
        ["auth"] = new JsonObject
        {
            ["client_token"] = token,
            ["accessor"] = "acc",
            ["policies"] = new JsonArray("configcluster", "default"),
            ["lease_duration"] = ttl,
            ["renewable"] = true,
        },
        ["mount_type"] = "",
    }.ToJsonString();
}
