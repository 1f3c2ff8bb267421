using System.Text.Json;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>auth/token/lookup-self (GET or POST); other auth/token/ paths are "unsupported path".</summary>
internal static class TokenLookupHandler
{
    public static VaultResponse Handle(LogicalRequest request)
    {
        if (request.Path != "auth/token/lookup-self")
        {
            return VaultErrors.UnsupportedPath;
        }

        if (request.Operation is not (VaultOperation.Read or VaultOperation.Update))
        {
            return VaultErrors.UnsupportedOperation;
        }

        return VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Token), request.Caller!, WriteData);
    }

    // Keys sorted (a Go map); a non-expiring token has no issue_time/renewable and a null expire_time.
    private static void WriteData(Utf8JsonWriter writer, TokenEntry token)
    {
        writer.WriteStartObject();
        writer.WriteString("accessor", token.Accessor);
        writer.WriteNumber("creation_time", token.CreationTime);
        writer.WriteNumber("creation_ttl", 0);
        writer.WriteString("display_name", token.DisplayName);
        writer.WriteString("entity_id", "");
        writer.WriteNull("expire_time");
        writer.WriteNumber("explicit_max_ttl", 0);
        writer.WriteString("id", token.Id);
        writer.WriteNull("meta");
        writer.WriteNumber("num_uses", 0);
        writer.WriteBoolean("orphan", token.Orphan);
        writer.WriteString("path", token.CreationPath);
        writer.WriteStartArray("policies");
        foreach (string policy in token.Policies)
        {
            writer.WriteStringValue(policy);
        }

        writer.WriteEndArray();
        writer.WriteNumber("ttl", 0);
        writer.WriteString("type", "service");
        writer.WriteEndObject();
    }
}
