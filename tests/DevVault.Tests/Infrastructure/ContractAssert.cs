using ConfigCluster.TestSupport;
using System.Text;

namespace ConfigCluster.DevVault.Tests.Infrastructure;

/// <summary>Compares a reply with a contract fixture: status, Content-Type, Cache-Control and normalised body bytes.</summary>
internal static class ContractAssert
{
    public static void MatchesFixture(VaultReply reply, int status, string fixture, bool fixtureLacksGoHtmlEscaping = false)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("no-store", reply.CacheControl);
        string expected = Encoding.UTF8.GetString(VaultFixtures.Body(fixture));
        if (fixtureLacksGoHtmlEscaping)
        {
            // Go's json.Encoder escapes < > & (vault-kv-contract §1.5); a hand-written fixture may not.
            expected = expected.Replace("<", "\\u003c", StringComparison.Ordinal)
                .Replace(">", "\\u003e", StringComparison.Ordinal)
                .Replace("&", "\\u0026", StringComparison.Ordinal);
        }

        Assert.Equal(BodyNormaliser.Normalise(expected), BodyNormaliser.Normalise(reply.Text));
    }

    /// <summary>204 (or other status) with Content-Type application/json, Cache-Control no-store and no body.</summary>
    public static void EmptyJson(VaultReply reply, int status = 204)
    {
        Assert.Equal(status, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("no-store", reply.CacheControl);
        Assert.Empty(reply.Body);
    }
}
