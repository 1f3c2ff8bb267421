namespace ConfigCluster.Gateway.Apis;

/// <summary>The fields of a create or update body, each checked for its JSON type; never printed.</summary>
internal sealed record ConfigBody(string? Key, string? Value, string? Environment, string? ServiceName, bool? IsEncrypted)
{
    public override string ToString() => "config body";
}
