namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Vault's error strings, matched by substring (vault-kv-contract §1.6, §7.5): the core may wrap them in Go's
/// multierror text (<c>"1 error occurred:\n\t* permission denied\n\n"</c>).
/// </summary>
internal static class VaultErrorText
{
    public const string PermissionDenied = "permission denied";
    public const string InvalidToken = "invalid token";
    public const string CasMismatch = "check-and-set parameter did not match the current version";
    public const string CasRequired = "check-and-set parameter required for this call";
    public const string Sealed = "Vault is sealed";
    public const string MissingRequestHeader = "X-Vault-Request";

    private const string MultiErrorItem = "\n\t* ";

    /// <summary>Messages Vault ≥ 1.20.3 sends with a 500 when our request body is at fault: not transient.</summary>
    private static readonly string[] RequestBodyProblems =
    [
        "JSON input exceeds", "JSON string value exceeds", "JSON object exceeds", "JSON array exceeds",
        "duplicate key", "invalid character", "malformed JSON", "error parsing JSON", "request body too large",
    ];

    public static bool Has(string? text, string fragment) =>
        text is not null && text.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    public static bool IsInvalidToken(VaultOutcome outcome, string? error) =>
        outcome == VaultOutcome.PermissionDenied && Has(error, InvalidToken);

    public static bool IsRequestBodyProblem(string? text) => RequestBodyProblems.Any(p => Has(text, p));

    /// <summary>Joins Vault's messages with "; ", unwrapping multierror lists into their items.</summary>
    public static string Flatten(IEnumerable<string> messages) =>
        string.Join("; ", messages.SelectMany(Unwrap).Where(m => m.Length > 0));

    private static IEnumerable<string> Unwrap(string message)
    {
        if (!message.Contains(MultiErrorItem, StringComparison.Ordinal))
        {
            return [message.Trim()];
        }

        return message.Split(MultiErrorItem).Skip(1).Select(item => item.Trim());
    }
}
