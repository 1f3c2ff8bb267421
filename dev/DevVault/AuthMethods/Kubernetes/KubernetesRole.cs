namespace ConfigCluster.DevVault.AuthMethods.Kubernetes;

/// <summary>A Kubernetes role (roleStorageEntry): the service accounts and namespaces it binds, audience, alias source, token settings.</summary>
internal sealed class KubernetesRole : IRole
{
    public const string AliasFromUid = "serviceaccount_uid";
    public const string AliasFromName = "serviceaccount_name";

    public IReadOnlyList<string> ServiceAccountNames { get; set; } = [];

    public IReadOnlyList<string> ServiceAccountNamespaces { get; set; } = [];

    public string Audience { get; set; } = "";

    public string AliasNameSource { get; set; } = "";

    public RoleTokenParams Token { get; private set; } = new();

    /// <summary>A copy to change, so that a rejected update leaves the stored role as it was.</summary>
    public KubernetesRole Clone()
    {
        var copy = (KubernetesRole)MemberwiseClone();
        copy.Token = Token.Clone();
        return copy;
    }
}
