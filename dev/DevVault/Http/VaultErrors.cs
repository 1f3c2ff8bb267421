using System.Text;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.Http;

/// <summary>Vault's <c>{"errors":[...]}</c> bodies and the messages the core produces.</summary>
internal static class VaultErrors
{
    public static readonly VaultResponse MissingToken = Of(403, "permission denied");
    public static readonly VaultResponse PolicyDenied = Of(403, MultiError(["permission denied"]));
    public static readonly VaultResponse InvalidToken = Of(403, MultiError(["permission denied", "invalid token"]));
    public static readonly VaultResponse Sealed = Of(503, "Vault is sealed");
    public static readonly VaultResponse UnsupportedOperation = Of(405, MultiError(["unsupported operation"]));
    public static readonly VaultResponse UnsupportedPath = Of(404, MultiError(["unsupported path"]));
    public static readonly VaultResponse TrailingSlashWrite = Of(400, "cannot write to a path ending in '/'");
    public static readonly VaultResponse ErrorParsingJson = Of(400, "error parsing JSON");
    public static readonly VaultResponse RequestTooLarge = Of(413, "http: request body too large");

    private static readonly VaultResponse EmptyBadRequest = Of(400);
    private static readonly VaultResponse EmptyNotFound = Of(404);
    private static readonly VaultResponse EmptyMethodNotAllowed = Of(405);

    /// <summary><c>{"errors":[]}</c> with the given status (no message: plain not-found, bad list/health parameters, unknown methods).</summary>
    public static VaultResponse Empty(int status) => status switch
    {
        400 => EmptyBadRequest,
        404 => EmptyNotFound,
        405 => EmptyMethodNotAllowed,
        _ => Of(status),
    };

    public static VaultResponse Of(int status, params string[] messages)
    {
        byte[] body = VaultJson.Serialize(messages, static (writer, errors) =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            foreach (string error in errors)
            {
                writer.WriteStringValue(error);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return new VaultResponse(status, body.Append((byte)'\n').ToArray());
    }

    /// <summary>hashicorp/go-multierror text: <c>"1 error occurred:\n\t* x\n\n"</c>.</summary>
    public static string MultiError(IReadOnlyList<string> errors)
    {
        var text = new StringBuilder();
        text.Append(errors.Count == 1 ? "1 error occurred:\n" : $"{errors.Count} errors occurred:\n");
        foreach (string error in errors)
        {
            text.Append("\t* ").Append(error).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Framework field validation failure for one request field.</summary>
    public static VaultResponse FieldValidation(string field, string detail) =>
        Of(400, $"Field validation failed: error converting input for field \"{field}\": {detail}");

    public static VaultResponse NoHandler(string path) =>
        Of(404, $"no handler for route {GoQuote.Quote(path)}. route entry not found.");
}
