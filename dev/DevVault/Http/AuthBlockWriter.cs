using System.Text.Json;
using ConfigCluster.DevVault.GoCompat;

namespace ConfigCluster.DevVault.Http;

/// <summary>Writes an <see cref="AuthBlock"/> in Go struct order, metadata keys sorted (a Go map).</summary>
internal static class AuthBlockWriter
{
    public static void Write(Utf8JsonWriter writer, AuthBlock auth)
    {
        writer.WriteStartObject();
        writer.WriteString("client_token", auth.ClientToken);
        writer.WriteString("accessor", auth.Accessor);
        WriteList(writer, "policies", auth.Policies);
        if (auth.TokenPolicies.Count > 0)
        {
            WriteList(writer, "token_policies", auth.TokenPolicies);
        }

        if (auth.IdentityPolicies.Count > 0)
        {
            WriteList(writer, "identity_policies", auth.IdentityPolicies);
        }

        WriteMetadata(writer, auth.Metadata);
        writer.WriteNumber("lease_duration", auth.LeaseDuration);
        writer.WriteBoolean("renewable", auth.Renewable);
        writer.WriteString("entity_id", auth.EntityId);
        writer.WriteString("token_type", auth.TokenType);
        writer.WriteBoolean("orphan", auth.Orphan);
        writer.WriteNull("mfa_requirement");
        writer.WriteNumber("num_uses", auth.NumUses);
        writer.WriteEndObject();
    }

    /// <summary>A Go map[string]string: null when nil, keys in byte order otherwise.</summary>
    public static void WriteMetadata(Utf8JsonWriter writer, IReadOnlyDictionary<string, string>? metadata, string name = "metadata")
    {
        if (metadata is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        foreach (KeyValuePair<string, string> pair in metadata.OrderBy(pair => pair.Key, Utf8KeyOrder.Instance))
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (string item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
