namespace ConfigCluster.DevVault.AuthMethods.AppRole;

/// <summary>A SecretID issued against a role: its accessor, uses left (0: unlimited), expiry and metadata.</summary>
internal sealed class AppRoleSecretId(string accessor, long usesLeft, DateTimeOffset? expirationTime, IReadOnlyDictionary<string, string> metadata)
{
    public string Accessor { get; } = accessor;

    public long UsesLeft { get; set; } = usesLeft;

    public DateTimeOffset? ExpirationTime { get; } = expirationTime;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public bool IsExpired(DateTimeOffset now) => ExpirationTime is { } expiry && now >= expiry;
}
