using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client;

/// <summary>
/// A KV v2 read: the secret's data (null for a deleted or destroyed version) and its version metadata.
/// <see cref="ToString"/> never prints the data.
/// </summary>
public sealed record KvSecret(JsonObject? Data, KvVersionMetadata Metadata)
{
    public override string ToString() =>
        $"KvSecret {{ Data = {(Data is null ? "null" : $"<{Data.Count} field(s) hidden>")}, Metadata = {Metadata} }}";
}
