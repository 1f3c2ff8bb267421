using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>
/// hashicorp/cap's jwt.Validator as the Kubernetes plugin uses it (ValidateAllowMissingIatNbfExp): the compact
/// JWS must be signed by one of the keys (any failure there is the plugin's plain "permission denied"); then
/// issuer, audience and the time claims with go-jose's one-minute leeway, each failure a 403 with cap's text.
/// With no keys the signature is not checked, as Vault leaves that to the TokenReview API.
/// </summary>
internal static class JwtValidation
{
    private const long ClockSkewLeewaySeconds = 60;
    private const long MissingClaimLeewaySeconds = 150;
    private static readonly string[] AllowedAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    /// <summary>The verified claims, or a refusal.</summary>
    public static JwtOutcome Validate(string jwt, IReadOnlyList<JwtPublicKey> keys, JwtExpectations expected, DateTimeOffset now)
    {
        if (!TryReadSigned(jwt, keys, out JsonElement claims))
        {
            return JwtOutcome.SignatureFailure;
        }

        if (!TryReadRegistered(claims, out RegisteredClaims registered, out string claimsError))
        {
            return JwtOutcome.Refused(claimsError);
        }

        if (expected.Issuer.Length > 0 && expected.Issuer != registered.Issuer)
        {
            return JwtOutcome.Refused("invalid issuer (iss) claim");
        }

        if (expected.Audience.Length > 0 && !registered.Audience.Contains(expected.Audience))
        {
            return JwtOutcome.Refused("invalid audience (aud) claim: audience claim does not match any expected audience");
        }

        return CheckTimes(registered, now.ToUnixTimeSeconds()) is { } timeError ? JwtOutcome.Refused(timeError) : JwtOutcome.Valid(claims);
    }

    private static bool TryReadSigned(string jwt, IReadOnlyList<JwtPublicKey> keys, out JsonElement claims)
    {
        claims = default;
        string[] parts = jwt.Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out byte[] header) || !TryDecode(parts[1], out byte[] payload) || !TryDecode(parts[2], out byte[] signature))
        {
            return false;
        }

        if (!TryParseObject(header, out JsonElement headerJson)
            || !headerJson.TryGetProperty("alg", out JsonElement alg)
            || alg.ValueKind != JsonValueKind.String
            || Array.IndexOf(AllowedAlgorithms, alg.GetString()) < 0
            || !TryParseObject(payload, out claims))
        {
            return false;
        }

        byte[] signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        string algorithm = alg.GetString()!;
        return keys.Count == 0 || keys.Any(key => key.Verifies(algorithm, signingInput, signature));
    }

    private static string? CheckTimes(RegisteredClaims claims, long now)
    {
        (long issuedAt, long expiry, long notBefore) = (claims.IssuedAt, claims.Expiry, claims.NotBefore);
        if (issuedAt == 0 && expiry == 0 && notBefore == 0)
        {
            return null;
        }

        expiry = expiry != 0 ? expiry : Math.Max(issuedAt, notBefore) + MissingClaimLeewaySeconds;
        notBefore = notBefore != 0 ? notBefore : issuedAt != 0 ? issuedAt : expiry - MissingClaimLeewaySeconds;
        if (now + ClockSkewLeewaySeconds < notBefore)
        {
            return "invalid not before (nbf) claim: token not yet valid";
        }

        if (now - ClockSkewLeewaySeconds > expiry)
        {
            return "invalid expiration time (exp) claim: token is expired";
        }

        return issuedAt != 0 && now + ClockSkewLeewaySeconds < issuedAt ? "invalid issued at (iat) claim: token issued in the future" : null;
    }

    // json.Unmarshal into go-jose's jwt.Claims, with the errors it gives for claims of the wrong type.
    private static bool TryReadRegistered(JsonElement claims, out RegisteredClaims registered, out string error)
    {
        registered = new RegisteredClaims("", [], 0, 0, 0);
        error = "";
        if (claims.TryGetProperty("iss", out JsonElement iss) && iss.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            error = $"json: cannot unmarshal {GoJsonKind(iss)} into Go struct field Claims.iss of type string";
            return false;
        }

        string issuer = iss.ValueKind == JsonValueKind.String ? iss.GetString()! : "";
        if (!TryReadAudience(claims, out List<string> audience))
        {
            error = "go-jose/go-jose/jwt: expected string or array value to unmarshal to Audience";
            return false;
        }

        if (!TryReadNumericDate(claims, "exp", out long expiry) || !TryReadNumericDate(claims, "iat", out long issuedAt) || !TryReadNumericDate(claims, "nbf", out long notBefore))
        {
            error = "go-jose/go-jose/jwt: expected number value to unmarshal NumericDate";
            return false;
        }

        registered = new RegisteredClaims(issuer, audience, expiry, issuedAt, notBefore);
        return true;
    }

    private static string GoJsonKind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    private static bool TryReadAudience(JsonElement claims, out List<string> audience)
    {
        audience = [];
        if (!claims.TryGetProperty("aud", out JsonElement aud) || aud.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            audience.Add(aud.GetString()!);
            return true;
        }

        if (aud.ValueKind != JsonValueKind.Array || aud.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        audience.AddRange(aud.EnumerateArray().Select(item => item.GetString()!));
        return true;
    }

    private static bool TryReadNumericDate(JsonElement claims, string name, out long seconds)
    {
        seconds = 0;
        if (!claims.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        seconds = value.TryGetInt64(out long whole) ? whole : (long)value.GetDouble();
        return true;
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        if (Base64Url.TryDecodeFromChars(part, bytes, out int written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    private static bool TryParseObject(byte[] json, out JsonElement element)
    {
        element = default;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            element = document.RootElement.Clone();
            return element.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record RegisteredClaims(string Issuer, List<string> Audience, long Expiry, long IssuedAt, long NotBefore);
}
