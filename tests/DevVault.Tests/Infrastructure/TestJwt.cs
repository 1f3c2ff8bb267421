using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>Service account JWTs signed the way the Kubernetes API server signs them (compact JWS).</summary>
internal static class TestJwt
{
    public const string Uid = "f0029921-512c-46cb-89a9-375bbd5b1fcd";

    /// <summary>The claims of a secret-based (legacy) service account token.</summary>
    public static Dictionary<string, object?> Legacy(string name, string ns, string uid = Uid) => new()
    {
        ["iss"] = "kubernetes/serviceaccount",
        ["kubernetes.io/serviceaccount/namespace"] = ns,
        ["kubernetes.io/serviceaccount/secret.name"] = "",
        ["kubernetes.io/serviceaccount/service-account.name"] = name,
        ["kubernetes.io/serviceaccount/service-account.uid"] = uid,
        ["sub"] = $"system:serviceaccount:{ns}:{name}",
    };

    /// <summary>The claims of a projected (bound) service account token.</summary>
    public static Dictionary<string, object?> Projected(string name, string ns, DateTimeOffset issuedAt, TimeSpan lifetime, params string[] audience) => new()
    {
        ["aud"] = audience,
        ["exp"] = (issuedAt + lifetime).ToUnixTimeSeconds(),
        ["iat"] = issuedAt.ToUnixTimeSeconds(),
        ["iss"] = "https://kubernetes.default.svc.cluster.local",
        ["kubernetes.io"] = new Dictionary<string, object?>
        {
            ["namespace"] = ns,
            ["pod"] = new Dictionary<string, object?> { ["name"] = name + "-pod", ["uid"] = Guid.NewGuid().ToString() },
            ["serviceaccount"] = new Dictionary<string, object?> { ["name"] = name, ["uid"] = Uid },
        },
        ["nbf"] = issuedAt.ToUnixTimeSeconds(),
        ["sub"] = $"system:serviceaccount:{ns}:{name}",
    };

    public static string Sign(RSA key, Dictionary<string, object?> claims) =>
        Sign("RS256", claims, input => key.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string Sign(ECDsa key, Dictionary<string, object?> claims) =>
        Sign("ES256", claims, input => key.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>The JSON string of a config write's pem_keys entry for <paramref name="key"/>.</summary>
    public static string PemJson(AsymmetricAlgorithm key) => JsonSerializer.Serialize(key.ExportSubjectPublicKeyInfoPem());

    private static string Sign(string algorithm, Dictionary<string, object?> claims, Func<byte[], byte[]> sign)
    {
        string header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { alg = algorithm, kid = "test-key" }));
        string payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        string signature = Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }
}
