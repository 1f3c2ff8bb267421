using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ConfigCluster.DevVault.Hosting;

/// <summary>
/// What <c>vault server -dev -dev-tls</c> makes: a CA of its own and a server certificate it issued for localhost,
/// 127.0.0.1 and ::1 (and the listen address), written as <c>vault-ca.pem</c>, <c>vault-cert.pem</c> and
/// <c>vault-key.pem</c> to a directory so that clients can pin the CA (<c>VAULT_CACERT</c>).
/// </summary>
internal static class DevTlsCertificates
{
    public const string CaFileName = "vault-ca.pem";

    public static X509Certificate2 Create(string directory, string listenAddress)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=ConfigCluster dev Vault CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        if (IPAddress.TryParse(listenAddress.Trim('[', ']'), out var listen) && !IPAddress.IsLoopback(listen) && !listen.Equals(IPAddress.Any))
        {
            names.AddIpAddress(listen);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var issued = request.Create(ca, now.AddMinutes(-5), now.AddYears(1), RandomNumberGenerator.GetBytes(16));
        using var server = issued.CopyWithPrivateKey(serverKey);

        File.WriteAllText(Path.Combine(directory, CaFileName), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "vault-cert.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "vault-key.pem"), serverKey.ExportPkcs8PrivateKeyPem());
        // Through PKCS#12 so that Kestrel's TLS stack can use the key.
        return X509CertificateLoader.LoadPkcs12(server.Export(X509ContentType.Pkcs12), null);
    }
}
