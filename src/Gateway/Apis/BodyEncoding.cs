using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// What a write's body must be before its JSON is read: <c>application/json</c> in UTF-8 (no other charset),
/// not compressed, and every string and field name in it well-formed text (UTF-8 bytes, no unpaired
/// surrogate escape such as <c>"\ud800"</c>), since a value that is not text cannot be stored faithfully.
/// </summary>
internal static class BodyEncoding
{
    public const string NotText =
        "The body holds text that is not well-formed: bytes that are not UTF-8, or an unpaired surrogate escape (\\ud800-\\udfff).";

    public const string Json = "application/json";

    /// <summary>RFC 7396: the media type of a JSON merge patch; PATCH accepts it beside <see cref="Json"/>.</summary>
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>
    /// Why the body cannot be read (a 415), or null when its media type (<see cref="Json"/>, or also
    /// <see cref="MergePatch"/> when <paramref name="mergePatch"/>) and its encoding are accepted.
    /// </summary>
    public static string? Refusal(HttpRequest request, bool mergePatch = false)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
                 || (mergePatch && type.MediaType.Equals(MergePatch, StringComparison.OrdinalIgnoreCase))))
        {
            return mergePatch
                ? $"The body must be a JSON merge patch, sent with 'Content-Type: {MergePatch}' or '{Json}'."
                : $"The body must be JSON, sent with 'Content-Type: {Json}'.";
        }

        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return $"The body must be UTF-8; charset '{type.Charset}' is not supported.";
        }

        var coding = request.Headers.ContentEncoding.ToString();
        return coding.Length == 0 || coding.Equals("identity", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Content-Encoding '{coding}' is not supported; send the body uncompressed.";
    }

    /// <summary>True when every property name and string value under <paramref name="element"/> decodes to text.</summary>
    public static bool IsWellFormedText(JsonElement element)
    {
        try
        {
            return AllText(element);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to transcode invalid UTF-8 or a lone surrogate into a string.
            return false;
        }
    }

    private static bool AllText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    AllText(property.Value);
                }

                return true;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AllText(item);
                }

                return true;
            default:
                return true;
        }
    }
}
