namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>What the login expects of the JWT: an issuer (empty: not checked) and an audience (empty: not checked).</summary>
internal sealed record JwtExpectations(string Issuer, string Audience);
