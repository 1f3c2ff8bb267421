using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace ConfigCluster.EndToEnd.Tests.Access;

/// <summary>
/// Bearer JWTs from an issuer whose keys the test makes: grants come from the grants claim or from roles mapped in
/// configuration, and every token that is expired, from another issuer, for another audience, unsigned or signed
/// by another key is refused with 401.
/// </summary>
public sealed class JwtAccessTests(JwtAccessTests.JwtFixture fixture) : IClassFixture<JwtAccessTests.JwtFixture>
{
    private const string Issuer = "https://issuer.test";
    private const string Audience = "configcluster";

    [Fact]
    public async Task ATokenWithAGrantsClaimMayDoWhatItsGrantsAllowAndIsTheActorOfItsWrites()
    {
        using var http = Client(Token(fixture.SigningKey, claims: new()
        {
            ["sub"] = "alice",
            ["configcluster_grants"] = """[{"environment":"jwt","service_name":"billing","actions":["read","write"]}]""",
        }));

        var created = await http.CreateAsync("jwt", "billing", "by-alice", "v");
        var elsewhere = await http.CreateAsync("jwt", "other", "by-alice", "v");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(["jwt:alice"], await ActorsOfAsync("by-alice"));
    }

    [Fact]
    public async Task ARoleMappedInConfigurationGivesItsGrants()
    {
        await fixture.SeedAsync("jwt", "billing", "for-readers", "v");
        using var http = Client(Token(fixture.SigningKey, claims: new() { ["sub"] = "bob", ["roles"] = "config-reader" }));

        Assert.Equal(("v", 1L), await (await http.ReadAsync("jwt", "billing", "for-readers")).ValueAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await http.CreateAsync("jwt", "billing", "by-bob", "v")).StatusCode);
    }

    [Fact]
    public async Task AValidTokenWithoutAnyGrantMayDoNothing()
    {
        using var http = Client(Token(fixture.SigningKey, claims: new() { ["sub"] = "carol" }));

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/config/status")).StatusCode);
    }

    public static TheoryData<string> RefusedTokens => ["expired", "another issuer", "another audience", "unsigned", "another key", "no subject"];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task ATokenThatFailsValidationIsRefusedWith401(string flaw)
    {
        var grants = """[{"environment":"*","service_name":"*","actions":["admin"]}]""";
        var claims = new Dictionary<string, object> { ["sub"] = "mallory", ["configcluster_grants"] = grants };
        var token = flaw switch
        {
            "expired" => Token(fixture.SigningKey, claims, expires: DateTime.UtcNow.AddMinutes(-5)),
            "another issuer" => Token(fixture.SigningKey, claims, issuer: "https://elsewhere.test"),
            "another audience" => Token(fixture.SigningKey, claims, audience: "someone-else"),
            "unsigned" => new JsonWebTokenHandler().CreateToken(Descriptor(claims, Issuer, Audience, DateTime.UtcNow.AddMinutes(5), credentials: null)),
            "another key" => Token(new RsaSecurityKey(RSA.Create(2048)), claims),
            "no subject" => Token(fixture.SigningKey, new Dictionary<string, object> { ["configcluster_grants"] = grants }),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };
        using var http = Client(token);

        var response = await http.GetAsync("/api/v1/config/status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string Token(SecurityKey key, Dictionary<string, object> claims, string issuer = Issuer, string audience = Audience, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(claims, issuer, audience, expires ?? DateTime.UtcNow.AddMinutes(5),
            new SigningCredentials(key, SecurityAlgorithms.RsaSha256)));

    private static SecurityTokenDescriptor Descriptor(
        Dictionary<string, object> claims, string issuer, string audience, DateTime expires, SigningCredentials? credentials) => new()
    {
        Issuer = issuer,
        Audience = audience,
        Claims = claims,
        NotBefore = expires.AddMinutes(-10),
        IssuedAt = expires.AddMinutes(-10),
        Expires = expires,
        SigningCredentials = credentials,
    };

    private async Task<IReadOnlyList<string>> ActorsOfAsync(string key)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT actor FROM config_changes WHERE key = @key AND state = 'committed'", connection);
        select.Parameters.AddWithValue("key", key);
        await using var reader = await select.ExecuteReaderAsync();
        List<string> actors = [];
        while (await reader.ReadAsync())
        {
            actors.Add(reader.GetString(0));
        }

        return actors;
    }

    /// <summary>The locked-down system accepting JWTs signed by a key of this fixture's.</summary>
    public sealed class JwtFixture : LockedDownFixture
    {
        private readonly RSA _rsa = RSA.Create(2048);

        public SecurityKey SigningKey => new RsaSecurityKey(_rsa);

        protected override IEnumerable<string> ExtraArgs =>
        [
            .. base.ExtraArgs,
            $"--Auth:Jwt:SigningKeys:0={_rsa.ExportSubjectPublicKeyInfoPem()}",
            $"--Auth:Jwt:Issuers:0={Issuer}",
            $"--Auth:Jwt:Audiences:0={Audience}",
            """--Auth:Jwt:RoleGrants:config-reader=[{"environment":"jwt","service_name":"*","actions":["read"]}]""",
        ];

        public async Task SeedAsync(string environment, string service, string key, string value)
        {
            using var admin = ClientWith(BootstrapKey);
            Assert.Equal(HttpStatusCode.Created, (await admin.CreateAsync(environment, service, key, value)).StatusCode);
        }
    }
}
