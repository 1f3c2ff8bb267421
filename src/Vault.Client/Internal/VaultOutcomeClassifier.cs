using System.Globalization;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Maps an unsuccessful answer to an outcome and a readable error (vault-kv-contract §1.6, §2, §7). Payload-specific
/// 404s (deleted/destroyed versions, empty lists) are recognised by the clients before they get here.
/// </summary>
internal static class VaultOutcomeClassifier
{
    public static (VaultOutcome Outcome, string Error) Classify(VaultResponse response)
    {
        if (response.Status is not { } status)
        {
            return (VaultOutcome.Unavailable, response.TransportError ?? "no answer from Vault");
        }

        var text = ErrorText(response, out var isErrorBody);
        if (VaultErrorText.Has(text, VaultErrorText.Sealed))
        {
            return (VaultOutcome.Unavailable, text!);
        }

        var outcome = status switch
        {
            403 => VaultOutcome.PermissionDenied,
            404 => NotFoundOutcome(response, isErrorBody, text),
            400 when VaultErrorText.Has(text, VaultErrorText.CasMismatch) => VaultOutcome.CasMismatch,
            412 when VaultErrorText.Has(text, VaultErrorText.MissingRequestHeader) => VaultOutcome.Rejected,
            500 when VaultErrorText.IsRequestBodyProblem(text) => VaultOutcome.Rejected,
            307 or 412 or 429 or 472 or 473 or 474 or >= 500 => VaultOutcome.Unavailable,
            _ => VaultOutcome.Rejected,
        };
        return (outcome, Describe(response, status, outcome, text));
    }

    /// <summary><c>{"errors":[]}</c> or an empty body is "absent"; anything else with 404 is a wrong mount or path.</summary>
    private static VaultOutcome NotFoundOutcome(VaultResponse response, bool isErrorBody, string? text) =>
        response.Body.Length == 0 || (isErrorBody && string.IsNullOrEmpty(text)) ? VaultOutcome.NotFound : VaultOutcome.Rejected;

    /// <summary>The flattened <c>errors</c>, else the warnings of an envelope; null when there is neither.</summary>
    private static string? ErrorText(VaultResponse response, out bool isErrorBody)
    {
        isErrorBody = false;
        if (!response.TryGetJson(out var root))
        {
            return null;
        }

        if (VaultEnvelope.TryGetErrors(root, out var errors))
        {
            isErrorBody = true;
            return VaultErrorText.Flatten(errors);
        }

        var warnings = VaultEnvelope.Warnings(root);
        return warnings.Count > 0 ? VaultErrorText.Flatten(warnings) : null;
    }

    private static string Describe(VaultResponse response, int status, VaultOutcome outcome, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            return text;
        }

        var code = status.ToString(CultureInfo.InvariantCulture);
        return outcome switch
        {
            VaultOutcome.NotFound => "not found",
            VaultOutcome.PermissionDenied => VaultErrorText.PermissionDenied,
            _ when response.Body.Length > 0 && !response.TryGetJson(out _) => $"HTTP {code} with a non-JSON body ({response.Body.Length} bytes)",
            _ => $"HTTP {code}",
        };
    }
}
