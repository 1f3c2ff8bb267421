namespace ConfigCluster.DevVault.Auth;

/// <summary>The lifetime a role gives the tokens it issues, in seconds (0: the system default or maximum).</summary>
internal readonly record struct TokenTerms(long Ttl, long MaxTtl, long ExplicitMaxTtl);
