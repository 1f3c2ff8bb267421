namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// One call to <c>{address}/v1/{Path}</c>. <see cref="Path"/> is already escaped segment by segment.
/// <see cref="Retryable"/> is set only for idempotent reads (never for writes: a retried CAS write could
/// be reported as a mismatch of its own first attempt).
/// </summary>
internal sealed record VaultRequest(HttpMethod Method, string Path, string? Query = null, byte[]? Body = null, string? ContentType = null)
{
    public const string Json = "application/json";
    public const string MergePatch = "application/merge-patch+json";

    public bool Retryable { get; init; }

    public bool Authenticated { get; init; } = true;

    /// <summary>When Vault refuses the token (403), send the request once more with a new token.</summary>
    public bool SentAgainWithNewToken { get; init; } = true;

    public static VaultRequest Read(string path, string? query = null) => new(HttpMethod.Get, path, query) { Retryable = true };

    public static VaultRequest Post(string path, byte[] body) => new(HttpMethod.Post, path, null, body, Json);

    public static VaultRequest Patch(string path, byte[] body) => new(HttpMethod.Patch, path, null, body, MergePatch);

    public static VaultRequest Delete(string path) => new(HttpMethod.Delete, path);

    /// <summary>Method and path only: what logs may show.</summary>
    public override string ToString() => $"{Method} {Path}";
}
