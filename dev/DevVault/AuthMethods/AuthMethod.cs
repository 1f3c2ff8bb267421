namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>A running auth method: its backend and the plugin facts sys/auth reports for it.</summary>
internal sealed record AuthMethod(IAuthBackend Backend, string RunningPluginVersion);
