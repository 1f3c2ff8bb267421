using System.Security.Cryptography;
using System.Text;
using ConfigCluster.Grains.Flags;
using Microsoft.Net.Http.Headers;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// The entity tag of a bulk evaluation: the environment's flags (their <see cref="EnvironmentFlags.ETag"/>) and the
/// context they were evaluated for, so that it changes when either does. A request whose <c>If-None-Match</c>
/// holds it is answered 304 without a body.
/// </summary>
internal static class EvaluationETag
{
    public static string Of(EnvironmentFlags flags, string context)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(flags.Environment + "\n" + context), hash);
        return $"\"{flags.ETag}.{Convert.ToHexStringLower(hash[..8])}\"";
    }

    /// <summary>True when <c>If-None-Match</c> is <c>*</c> or lists <paramref name="etag"/> (weak comparison, RFC 9110 13.1.2).</summary>
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>Sends 304 Not Modified with the tag, or nothing when the client's copy is stale.</summary>
    public static IResult? NotModified(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        return IsNotModified(http.Request, etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
