using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConfigCluster.EndToEnd.Tests.Access;

/// <summary>
/// JWTs from an OIDC issuer given only by its address (Auth:Jwt:Authority): the signing keys come from its
/// discovery document's JWKS, served here by a small issuer on loopback.
/// </summary>
public sealed class JwksAccessTests(JwksAccessTests.IssuerFixture fixture) : IClassFixture<JwksAccessTests.IssuerFixture>
{
    [Fact]
    public async Task ATokenSignedWithAKeyFromTheIssuersJwksIsAccepted()
    {
        using var http = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token("dana"));

        var status = await http.GetAsync("/api/v1/config/status");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAKeyTheIssuerDoesNotPublishIsRefused()
    {
        using var http = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Token("eve", new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/config/status")).StatusCode);
    }

    /// <summary>The locked-down system trusting an OIDC issuer that this fixture serves on loopback.</summary>
    public sealed class IssuerFixture : LockedDownFixture
    {
        private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "k1" };
        private WebApplication? _issuer;
        private string _authority = null!;

        public override async Task InitializeAsync()
        {
            var port = FreePort.Next();
            _authority = $"http://127.0.0.1:{port}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(_authority);
            _issuer = builder.Build();
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            _issuer.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = _authority,
                ["jwks_uri"] = $"{_authority}/jwks",
            }));
            _issuer.MapGet("/jwks", () => Results.Text(
                $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{jwk.Kid}}","n":"{{jwk.N}}","e":"{{jwk.E}}"}]}""", "application/json"));
            await _issuer.StartAsync();
            await base.InitializeAsync();
        }

        protected override IEnumerable<string> ExtraArgs =>
        [
            .. base.ExtraArgs,
            $"--Auth:Jwt:Authority={_authority}",
            "--Auth:Jwt:Audiences:0=configcluster",
            """--Auth:Jwt:RoleGrants:viewer=[{"environment":"*","service_name":"*","actions":["read"]}]""",
        ];

        public string Token(string subject, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _authority,
            Audience = "configcluster",
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = "viewer" },
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
        });

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            if (_issuer is not null)
            {
                await _issuer.DisposeAsync();
            }
        }
    }
}
