using System.Text.RegularExpressions;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>What a secret looks like, by name and by value, so that none is written into a manifest or an image.</summary>
internal static partial class SecretHeuristics
{
    /// <summary>A Vault token: hvs./hvb./hvr. (service, batch, recovery) or the older s./b./r., then 20 or more characters.</summary>
    private const string VaultTokenPattern = @"(hv[sbr]|[sbr])\.[A-Za-z0-9_-]{20,}";

    /// <summary>True for names of variables that carry credentials: they must come from a Secret.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>True when some word of <paramref name="text"/> (a line of a file, say) looks like a Vault token.</summary>
    public static bool HoldsVaultToken(string text) => VaultTokenInText().IsMatch(text);

    /// <summary>The reason a value looks like a credential, or null when it does not.</summary>
    public static string? WhyValueLooksSecret(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return PasswordKeyword().IsMatch(value) ? "it has a password= (or pwd=) part"
            : UrlCredentials().IsMatch(value) ? "it is a URL with user:password@"
            : VaultToken().IsMatch(value) ? "it looks like a Vault token"
            : CredentialKeyword().IsMatch(value) ? "it has a token=, secret= or api key= part"
            : PrivateKey().IsMatch(value) ? "it holds a private key"
            : OpaqueString().IsMatch(value) ? "it is a long opaque string (a key or a token)"
            : null;
    }

    [GeneratedRegex(@"TOKEN|PASSWORD|PASSWD|SECRET|APIKEY|API_KEY|CREDENTIAL|PRIVATE|CONNECTIONSTRINGS__|SASL", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(password|pwd)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordKeyword();

    [GeneratedRegex(@"://[^/\s:@]+:[^@\s]+@")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex("^" + VaultTokenPattern + "$")]
    private static partial Regex VaultToken();

    // Not inside a longer word, so that postgres.example.internal or service-account.name is no token.
    [GeneratedRegex("(?<![A-Za-z0-9_.-])" + VaultTokenPattern)]
    private static partial Regex VaultTokenInText();

    [GeneratedRegex(@"\b(token|secret|api[_-]?key)\s*[=:]", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialKeyword();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"^[A-Za-z0-9+/=_-]{32,}$")]
    private static partial Regex OpaqueString();
}
