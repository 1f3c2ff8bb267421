namespace ConfigCluster.Gateway.Access;

/// <summary>What a caller without a credential may do, on every environment and service.</summary>
public enum AnonymousAccess
{
    /// <summary>Nothing: every request needs a credential (the default).</summary>
    None = 0,

    Read = 1,

    /// <summary>Read and reveal encrypted values.</summary>
    Reveal = 2,

    /// <summary>Read, reveal and write.</summary>
    Write = 3,

    /// <summary>Everything, keys included: a development cluster like <c>vault server -dev</c> (./run.sh).</summary>
    Admin = 4,
}
