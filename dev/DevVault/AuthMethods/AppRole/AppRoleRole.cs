namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>An AppRole role (roleStorageEntry) with the SecretIDs issued against it, keyed by SecretID.</summary>
internal sealed class AppRoleRole(string name) : IRole
{
    /// <summary>Lower-cased, as Vault keeps the names of roles it creates.</summary>
    public string Name { get; } = name;

    public string RoleId { get; set; } = "";

    public bool BindSecretId { get; set; } = true;

    public long SecretIdNumUses { get; set; }

    public long SecretIdTtl { get; set; }

    public bool LocalSecretIds { get; set; }

    public RoleTokenParams Token { get; private set; } = new();

    public Dictionary<string, AppRoleSecretId> SecretIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A copy to change, so that a rejected update leaves the stored role as it was.</summary>
    public AppRoleRole Clone()
    {
        var copy = (AppRoleRole)MemberwiseClone();
        copy.Token = Token.Clone();
        return copy;
    }
}
