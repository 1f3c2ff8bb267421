using System.Text;
using System.Text.Json;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>What came back over the wire, bytes included.</summary>
internal sealed record VaultReply(int Status, string? ContentType, string? CacheControl, string? Location, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }
}
