using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The TLS side of the Vault connection, from <see cref="VaultTlsOptions"/>: the server name sent and expected, the
/// client certificate presented, and how Vault's certificate is checked (the system's trust, or only the CAs of
/// <c>VAULT_CACERT</c>/<c>VAULT_CAPATH</c>, or, in Development only, none). A refused certificate fails the call with a
/// <see cref="VaultTlsException"/> that says why and which setting to look at.
/// </summary>
internal static class VaultTls
{
    public static SslClientAuthenticationOptions Options(VaultTlsOptions tls)
    {
        // The server name (VAULT_TLS_SERVER_NAME) goes in each request's Host, which the handler sends as SNI.
        var options = new SslClientAuthenticationOptions();
        if (!string.IsNullOrEmpty(tls.ClientCert) && !string.IsNullOrEmpty(tls.ClientKey))
        {
            using var pem = X509Certificate2.CreateFromPemFile(tls.ClientCert, tls.ClientKey);
            // Through PKCS#12 so that the key is usable by the TLS stack on every platform.
            options.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)];
        }

        if (tls.SkipVerify)
        {
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }
        else if (tls.HasCustomCa)
        {
            var roots = TrustedRoots(tls);
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Validate(certificate, errors, roots, tls);
        }
        else
        {
            options.RemoteCertificateValidationCallback = (_, _, _, errors) =>
                errors == SslPolicyErrors.None ? true : throw new VaultTlsException(Reason(errors, null, tls));
        }

        return options;
    }

    /// <summary>The CA certificates of the PEM file and of every PEM file in the directory.</summary>
    private static X509Certificate2Collection TrustedRoots(VaultTlsOptions tls)
    {
        var roots = new X509Certificate2Collection();
        if (!string.IsNullOrEmpty(tls.CaCert))
        {
            roots.ImportFromPemFile(tls.CaCert);
        }

        if (!string.IsNullOrEmpty(tls.CaPath))
        {
            foreach (var file in Directory.EnumerateFiles(tls.CaPath))
            {
                try
                {
                    roots.ImportFromPemFile(file);
                }
                catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
                {
                    // Not a PEM certificate file: as Vault's CLI, skip it.
                }
            }
        }

        return roots;
    }

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots, VaultTlsOptions tls)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            throw new VaultTlsException("Vault sent no certificate.");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var built = chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        if (!built)
        {
            throw new VaultTlsException(Reason(errors, chain, tls));
        }

        return !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            ? true
            : throw new VaultTlsException(Reason(SslPolicyErrors.RemoteCertificateNameMismatch, null, tls));
    }

    private static string Reason(SslPolicyErrors errors, X509Chain? chain, VaultTlsOptions tls)
    {
        if (chain is not null || errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
        {
            var status = chain is null ? "" : $" ({string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct())})";
            var trust = tls.HasCustomCa ? "VAULT_CACERT / VAULT_CAPATH" : "the system's trusted CAs (or set VAULT_CACERT)";
            return $"Vault's certificate is not issued by a CA in {trust}{status}.";
        }

        return errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            ? "Vault's certificate does not name the host in VAULT_ADDR" + (string.IsNullOrEmpty(tls.ServerName) ? " (VAULT_TLS_SERVER_NAME can name the one it has)." : $" nor VAULT_TLS_SERVER_NAME ({tls.ServerName}).")
            : $"Vault's certificate was refused ({errors}).";
    }
}

/// <summary>Vault's TLS certificate was refused; the message says why, safe to log.</summary>
internal sealed class VaultTlsException(string message) : AuthenticationException(message);
