namespace ConfigCluster.Gateway.Access;

/// <summary>The kinds of credential: API keys (<c>X-API-Key</c>, or a bearer token of the key's form) and JWT bearer tokens.</summary>
public static class AuthSchemes
{
    public const string ApiKey = "ApiKey";

    public const string Jwt = "Bearer";

    public const string ApiKeyHeader = "X-API-Key";
}
