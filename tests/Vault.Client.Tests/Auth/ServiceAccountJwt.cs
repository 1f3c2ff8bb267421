using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Auth;

/// <summary>A Kubernetes service-account token (legacy claims), signed RS256 with a key of its own.</summary>
internal sealed class ServiceAccountJwt : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public string For(string serviceAccount, string @namespace)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["iss"] = "kubernetes/serviceaccount",
            ["sub"] = $"system:serviceaccount:{@namespace}:{serviceAccount}",
            ["kubernetes.io/serviceaccount/namespace"] = @namespace,
            ["kubernetes.io/serviceaccount/service-account.name"] = serviceAccount,
            ["kubernetes.io/serviceaccount/service-account.uid"] = Guid.NewGuid().ToString(),
            ["kubernetes.io/serviceaccount/secret.name"] = $"{serviceAccount}-token",
        };
        var signed = $"{Encode(header)}.{Encode(claims)}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    public void Dispose() => _key.Dispose();

    private static string Encode(JsonObject part) => Base64Url(Encoding.UTF8.GetBytes(part.ToJsonString()));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
