using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// One of the config's pem_keys (parsePublicKeyPEM): the first PEM block, read as a PKIX public key or else
/// as a certificate, RSA or ECDSA. Verifies the JWS algorithms Kubernetes may sign with (RS, PS and ES, 256 to 512).
/// </summary>
internal sealed class JwtPublicKey
{
    public const string NoValidKey = "data does not contain any valid RSA or ECDSA public keys";

    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    private JwtPublicKey(RSA? rsa, ECDsa? ecdsa)
    {
        _rsa = rsa;
        _ecdsa = ecdsa;
    }

    public static JwtPublicKey? Parse(string pem)
    {
        if (!PemEncoding.TryFind(pem, out PemFields fields))
        {
            return null;
        }

        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        return FromPublicKeyInfo(der) ?? FromCertificate(der);
    }

    public bool Verifies(string algorithm, byte[] signingInput, byte[] signature) => algorithm switch
    {
        "RS256" => VerifiesRsa(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "RS384" => VerifiesRsa(signingInput, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
        "RS512" => VerifiesRsa(signingInput, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
        "PS256" => VerifiesRsa(signingInput, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        "PS384" => VerifiesRsa(signingInput, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
        "PS512" => VerifiesRsa(signingInput, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
        "ES256" => VerifiesEcdsa(signingInput, signature, HashAlgorithmName.SHA256, 256),
        "ES384" => VerifiesEcdsa(signingInput, signature, HashAlgorithmName.SHA384, 384),
        "ES512" => VerifiesEcdsa(signingInput, signature, HashAlgorithmName.SHA512, 521),
        _ => false,
    };

    private static JwtPublicKey? FromPublicKeyInfo(byte[] der)
    {
        try
        {
            PublicKey key = PublicKey.CreateFromSubjectPublicKeyInfo(der, out _);
            return Of(key.GetRSAPublicKey(), key.GetECDsaPublicKey());
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static JwtPublicKey? FromCertificate(byte[] der)
    {
        try
        {
            using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(der);
            return Of(certificate.GetRSAPublicKey(), certificate.GetECDsaPublicKey());
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static JwtPublicKey? Of(RSA? rsa, ECDsa? ecdsa) => rsa is null && ecdsa is null ? null : new JwtPublicKey(rsa, ecdsa);

    private bool VerifiesRsa(byte[] data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding) =>
        _rsa is not null && _rsa.VerifyData(data, signature, hash, padding);

    // A JWS ECDSA signature is r||s; the curve must be the one the algorithm names.
    private bool VerifiesEcdsa(byte[] data, byte[] signature, HashAlgorithmName hash, int curveBits) =>
        _ecdsa is not null && _ecdsa.KeySize == curveBits
        && _ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
}
