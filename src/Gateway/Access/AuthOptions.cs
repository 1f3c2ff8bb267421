namespace ConfigCluster.Gateway.Access;

/// <summary>Who may call the REST API (section <c>Auth</c>). Secret-bearing: <see cref="ToString"/> never prints the bootstrap key.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>What callers without a credential may do. None unless set (production); ./run.sh sets Admin.</summary>
    public AnonymousAccess Anonymous { get; set; } = AnonymousAccess.None;

    /// <summary>An admin key from configuration (a Kubernetes Secret), for creating the first keys. Hashed at start.</summary>
    public string? BootstrapApiKey { get; set; }

    public JwtAuthOptions Jwt { get; set; } = new();

    /// <summary>Requests a second per caller (key, token subject, or anonymous client address); 0 for no limit.</summary>
    public int RateLimitPerSecond { get; set; } = 20_000;

    public override string ToString() =>
        $"AuthOptions {{ Anonymous = {Anonymous}, BootstrapApiKey = {(string.IsNullOrEmpty(BootstrapApiKey) ? "(none)" : "(set)")}, " +
        $"Jwt = {(Jwt.Enabled ? "on" : "off")}, RateLimitPerSecond = {RateLimitPerSecond} }}";
}
