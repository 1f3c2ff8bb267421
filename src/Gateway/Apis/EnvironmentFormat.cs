using Microsoft.Net.Http.Headers;

namespace ConfigCluster.Gateway.Apis;

/// <summary>The formats of an environment file: JSON, YAML (the same shape as JSON) and dotenv (one service).</summary>
internal enum EnvironmentFormat
{
    Json,
    Yaml,
    Dotenv,
}

/// <summary>Names, media types and file extensions of <see cref="EnvironmentFormat"/>, and how a request chooses one.</summary>
internal static class EnvironmentFormats
{
    public const string FormatsText = "'json', 'yaml' or 'dotenv'";

    public static string Name(this EnvironmentFormat format) => format switch
    {
        EnvironmentFormat.Yaml => "yaml",
        EnvironmentFormat.Dotenv => "dotenv",
        _ => "json",
    };

    public static string ContentType(this EnvironmentFormat format) => format switch
    {
        EnvironmentFormat.Yaml => "application/yaml; charset=utf-8",
        EnvironmentFormat.Dotenv => "text/plain; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string Extension(this EnvironmentFormat format) => format switch
    {
        EnvironmentFormat.Yaml => "yaml",
        EnvironmentFormat.Dotenv => "env",
        _ => "json",
    };

    /// <summary>The format a <c>format</c> parameter names, or null (with an error when it names none).</summary>
    public static EnvironmentFormat? FromQuery(RawQuery query, RequestErrors errors)
    {
        var text = ConfigQuery.Single(query, "format", errors);
        EnvironmentFormat? format = text switch
        {
            null => null,
            "json" => EnvironmentFormat.Json,
            "yaml" or "yml" => EnvironmentFormat.Yaml,
            "dotenv" or "env" => EnvironmentFormat.Dotenv,
            _ => null,
        };
        if (text is not null && format is null)
        {
            errors.Add("format", $"'format' must be {FormatsText}.");
        }

        return format;
    }

    /// <summary>
    /// The format of an import's body: the <c>format</c> parameter when given, else its Content-Type. Null (with a
    /// 415 error) when neither names one, or the body is not UTF-8.
    /// </summary>
    public static EnvironmentFormat? OfBody(HttpRequest request, EnvironmentFormat? fromQuery, RequestErrors errors)
    {
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type);
        if (type?.Charset is { HasValue: true } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            Unsupported(errors, $"The body must be UTF-8; charset '{charset}' is not supported.");
            return null;
        }

        var coding = request.Headers.ContentEncoding.ToString();
        if (coding.Length != 0 && !coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            Unsupported(errors, $"Content-Encoding '{coding}' is not supported; send the body uncompressed.");
            return null;
        }

        if (fromQuery is not null)
        {
            return fromQuery;
        }

        EnvironmentFormat? format = type?.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => EnvironmentFormat.Json,
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => EnvironmentFormat.Yaml,
            "text/plain" or "text/x-dotenv" => EnvironmentFormat.Dotenv,
            _ => null,
        };
        if (format is null)
        {
            Unsupported(errors, $"Name the file's format with 'format' ({FormatsText}) or its Content-Type "
                + "(application/json, application/yaml, text/plain for dotenv).");
        }

        return format;
    }

    private static void Unsupported(RequestErrors errors, string message)
    {
        errors.Status = StatusCodes.Status415UnsupportedMediaType;
        errors.Code = "unsupported_media_type";
        errors.Add("Content-Type", message);
    }
}
