using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// auth/token/lookup-self (GET or POST), keys sorted like the Go map token_store.go builds. A token without a
/// lease (root, added test tokens) has no issue_time/renewable, a null expire_time and ttl 0; a leased one
/// reports its times, and after a renewal last_renewal and last_renewal_time.
/// </summary>
internal static class TokenLookupHandler
{
    public static VaultResponse LookupSelf(TokenEntry token, DateTimeOffset now) =>
        VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Token), (token, now), WriteData);

    private static void WriteData(Utf8JsonWriter writer, (TokenEntry Token, DateTimeOffset Now) lookup)
    {
        (TokenEntry token, DateTimeOffset now) = lookup;
        TokenLease? lease = token.Lease;
        writer.WriteStartObject();
        writer.WriteString("accessor", token.Accessor);
        writer.WriteNumber("creation_time", token.CreationTime);
        writer.WriteNumber("creation_ttl", lease?.CreationTtl ?? 0);
        writer.WriteString("display_name", token.DisplayName);
        writer.WriteString("entity_id", token.EntityId);
        WriteTime(writer, "expire_time", lease?.ExpireTime);
        writer.WriteNumber("explicit_max_ttl", lease?.ExplicitMaxTtl ?? 0);
        writer.WriteString("id", token.Id);
        if (lease is not null)
        {
            WriteTime(writer, "issue_time", lease.IssueTime);
        }

        if (lease?.LastRenewal is { } renewal)
        {
            WriteTime(writer, "last_renewal", renewal);
            writer.WriteNumber("last_renewal_time", renewal.ToUnixTimeSeconds());
        }

        AuthBlockWriter.WriteMetadata(writer, token.Meta, "meta");
        writer.WriteNumber("num_uses", 0);
        writer.WriteBoolean("orphan", token.Orphan);
        writer.WriteString("path", token.CreationPath);
        AuthBlockWriter.WriteList(writer, "policies", token.Policies);
        if (lease is not null)
        {
            writer.WriteBoolean("renewable", true);
        }

        writer.WriteNumber("ttl", lease?.Ttl(now) ?? 0);
        writer.WriteString("type", "service");
        writer.WriteEndObject();
    }

    // A Go time.Time marshals as RFC 3339 with nanoseconds; the dev server's clock is UTC.
    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, GoTime.FormatRfc3339Nano(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
