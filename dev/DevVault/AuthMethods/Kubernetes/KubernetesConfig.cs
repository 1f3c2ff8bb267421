namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>The method's config (kubeConfig): the API host, CA, verification keys (as sent and parsed) and issuer settings.</summary>
internal sealed record KubernetesConfig(
    string Host,
    string CaCert,
    IReadOnlyList<string> PemKeys,
    IReadOnlyList<JwtPublicKey> PublicKeys,
    string TokenReviewerJwt,
    string Issuer,
    bool DisableIssValidation,
    bool DisableLocalCaJwt,
    bool UseAnnotationsAsAliasMetadata)
{
    /// <summary>The issuer a login's JWT must name: only when issuer validation is on and an issuer is set.</summary>
    public string ExpectedIssuer => DisableIssValidation ? "" : Issuer;
}
