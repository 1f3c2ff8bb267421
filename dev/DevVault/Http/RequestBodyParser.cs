using System.Text.Json;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.Http;

/// <summary>
/// Turns a POST/PUT/PATCH body into request fields. Era choice (Vault ≥ 1.20.3): malformed JSON and
/// JSON-limit violations answer 500 with Go's message; valid JSON that is not an object answers 400
/// "error parsing JSON"; an empty body or <c>null</c> means no fields.
/// </summary>
internal static class RequestBodyParser
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = JsonLimitsValidator.MaxDepth };

    /// <summary>On success <paramref name="document"/> (when not null) backs the fields and must outlive the request.</summary>
    public static bool TryParse(byte[] body, out RequestFields fields, out VaultResponse? error, out JsonDocument? document)
    {
        fields = RequestFields.Empty;
        error = null;
        document = null;
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return true;
        }

        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException)
        {
            string? message = GoJsonSyntaxScanner.FindError(body, JsonLimitsValidator.MaxDepth);
            error = message is null ? VaultErrors.ErrorParsingJson : VaultErrors.Of(500, message);
            return false;
        }

        if (TryAccept(document.RootElement, out fields, out error))
        {
            return true;
        }

        document.Dispose();
        document = null;
        return false;
    }

    private static bool TryAccept(JsonElement root, out RequestFields fields, out VaultResponse? error)
    {
        fields = RequestFields.Empty;
        error = null;
        if (JsonLimitsValidator.FindViolation(root) is { } violation)
        {
            error = VaultErrors.Of(500, violation);
            return false;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            fields = RequestFields.FromJson(root);
            return true;
        }

        error = root.ValueKind == JsonValueKind.Null ? null : VaultErrors.ErrorParsingJson;
        return error is null;
    }
}
