namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>A role of an auth method: whatever else it binds, it carries the settings of the tokens it issues.</summary>
internal interface IRole
{
    RoleTokenParams Token { get; }
}
