using System.Net.Http.Headers;
using System.Text.Json;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.GoCompat;
using Microsoft.AspNetCore.Http;

namespace ConfigCluster.DevVault.Http;

/// <summary>
/// Vault's http/logical.go: HTTP method to operation (GET ?list=true and LIST are lists with a '/'
/// appended), body limits and parsing, PATCH Content-Type rules, token extraction.
/// </summary>
internal static class LogicalRequestBuilder
{
    private const string MergePatchType = "application/merge-patch+json";

    public static async ValueTask<(LogicalRequest? Request, VaultResponse? Error)> BuildAsync(HttpContext context, string path)
    {
        HttpRequest http = context.Request;
        string method = http.Method;
        if (method is "GET" or "LIST" or "DELETE")
        {
            return BuildFromQuery(http, path, method);
        }

        if (method is not ("POST" or "PUT" or "PATCH"))
        {
            return (null, VaultErrors.Empty(405));
        }

        byte[]? body = await RequestBodyReader.ReadAsync(http, context.RequestAborted);
        if (body is null)
        {
            return (null, VaultErrors.RequestTooLarge);
        }

        if (!RequestBodyParser.TryParse(body, out RequestFields fields, out VaultResponse? parseError, out JsonDocument? document))
        {
            return (null, parseError);
        }

        if (document is not null)
        {
            context.Response.RegisterForDispose(document);
        }

        VaultOperation operation = method == "PATCH" ? VaultOperation.Patch : VaultOperation.Update;
        VaultResponse? contentTypeError = operation == VaultOperation.Patch ? CheckPatchContentType(http) : null;
        return contentTypeError is not null ? (null, contentTypeError) : (Create(http, operation, path, fields), null);
    }

    private static (LogicalRequest?, VaultResponse?) BuildFromQuery(HttpRequest http, string path, string method)
    {
        VaultOperation operation = method switch
        {
            "LIST" => VaultOperation.List,
            "DELETE" => VaultOperation.Delete,
            _ => VaultOperation.Read,
        };
        string list = http.Query["list"].FirstOrDefault() ?? "";
        if (operation == VaultOperation.Read && list.Length > 0)
        {
            if (!GoStrconv.TryParseBool(list, out bool isList, out _))
            {
                return (null, VaultErrors.Empty(400));
            }

            operation = isList ? VaultOperation.List : operation;
        }

        string effectivePath = operation == VaultOperation.List && !path.EndsWith('/') ? path + "/" : path;
        return (Create(http, operation, effectivePath, RequestFields.FromQuery(http.Query)), null);
    }

    private static VaultResponse? CheckPatchContentType(HttpRequest http)
    {
        string header = http.Headers.ContentType.ToString();
        if (header.Trim().Length == 0)
        {
            return VaultErrors.Of(400, "mime: no media type");
        }

        if (!MediaTypeHeaderValue.TryParse(header, out MediaTypeHeaderValue? parsed) || parsed.MediaType is null)
        {
            return VaultErrors.Of(400, "mime: expected slash after first token");
        }

        string mediaType = parsed.MediaType.ToLowerInvariant();
        return mediaType == MergePatchType
            ? null
            : VaultErrors.Of(415, $"PATCH requires Content-Type of {MergePatchType}, provided {mediaType}");
    }

    private static LogicalRequest Create(HttpRequest http, VaultOperation operation, string path, RequestFields fields) => new()
    {
        Operation = operation,
        Path = path,
        Fields = fields,
        Token = ReadToken(http),
    };

    private static string? ReadToken(HttpRequest http)
    {
        string vaultToken = http.Headers["X-Vault-Token"].ToString();
        if (vaultToken.Length > 0)
        {
            return vaultToken;
        }

        string authorization = http.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }
}
