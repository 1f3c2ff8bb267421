using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ConfigCluster.Gateway.Access;

/// <summary>Static JWT signing keys from configuration: PEM public keys (RSA or EC) or JSON Web Keys.</summary>
public static class JwtSigningKeys
{
    public static SecurityKey? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return new JsonWebKey(trimmed);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return ParsePem(trimmed);
    }

    private static SecurityKey? ParsePem(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (ArgumentException)
        {
            // Not RSA: try EC below.
        }

        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
