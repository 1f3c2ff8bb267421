using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests.Support;

internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, byte[]? Body)
{
    /// <summary>The path and query exactly as sent on the wire.</summary>
    public string Target => Uri.PathAndQuery;

    public JsonNode? Json => Body is null ? null : JsonNode.Parse(Body);
}
