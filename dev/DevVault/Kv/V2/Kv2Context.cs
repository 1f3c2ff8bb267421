using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Kv.V2;

/// <summary>One authenticated request against a KV v2 mount, with the instant it is handled at.</summary>
internal sealed class Kv2Context(Kv2Store store, LogicalRequest request, DateTimeOffset now)
{
    public Kv2Store Store => store;

    public LogicalRequest Request => request;

    public VaultOperation Operation => request.Operation;

    public DateTimeOffset Now => now;

    /// <summary>Attribution for the caller (actor = token display name).</summary>
    public Kv2Attribution By(string operation) => new(request.Caller!.DisplayName, operation);
}
