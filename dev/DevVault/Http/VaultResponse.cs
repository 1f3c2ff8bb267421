namespace ConfigCluster.DevVault.Http;

/// <summary>A complete HTTP answer: status, exact body bytes and the few headers Vault varies.</summary>
internal sealed class VaultResponse
{
    public const string JsonContentType = "application/json";

    public VaultResponse(int statusCode, ReadOnlyMemory<byte> body, string? contentType = JsonContentType)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    public int StatusCode { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Null means no Content-Type header at all.</summary>
    public string? ContentType { get; }

    /// <summary>False only for answers produced before Vault's generic handler (printable-path check).</summary>
    public bool SendCacheControl { get; init; } = true;

    public string? Location { get; init; }

    /// <summary>204 with Content-Type: application/json and no body.</summary>
    public static VaultResponse NoContent { get; } = new(204, ReadOnlyMemory<byte>.Empty);

    /// <summary>404 with Content-Type: application/json and an empty body (PATCH on a missing key).</summary>
    public static VaultResponse EmptyNotFound { get; } = new(404, ReadOnlyMemory<byte>.Empty);

    /// <summary>400 with no body and no Content-Type (non-printable or undecodable path).</summary>
    public static VaultResponse BadPath { get; } = new(400, ReadOnlyMemory<byte>.Empty, null) { SendCacheControl = false };
}
