namespace ConfigCluster.Gateway.Access;

/// <summary>The authentication schemes: one default that looks at the request and forwards to the right one.</summary>
public static class AuthSchemes
{
    /// <summary>The default: API keys (<c>X-API-Key</c>, or a bearer token of the key's form), else JWT bearer tokens.</summary>
    public const string Default = "ConfigCluster";

    public const string ApiKey = "ApiKey";

    public const string Jwt = "Bearer";

    public const string ApiKeyHeader = "X-API-Key";
}
