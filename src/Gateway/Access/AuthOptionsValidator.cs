using ConfigCluster.Grains.Access;
using ConfigCluster.Grains.Interfaces.Access;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Gateway.Access;

/// <summary>Refuses at start what would make access control quietly wrong; never prints a secret.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.BootstrapApiKey is { Length: > 0 } bootstrap && !ApiKeySecret.HasKeyForm(bootstrap))
        {
            failures.Add($"Auth:BootstrapApiKey must have an API key's form: '{ApiKeySecret.Prefix}' and {ApiKeySecret.Length - ApiKeySecret.Prefix.Length} " +
                "base64url characters of 32 random bytes, e.g. \"cck_$(head -c 32 /dev/urandom | basenc --base64url | tr -d =)\".");
        }

        if (options.RateLimitPerSecond < 0)
        {
            failures.Add("Auth:RateLimitPerSecond must be 0 (no limit) or more.");
        }

        var jwt = options.Jwt;
        if (jwt.Enabled && jwt.Audiences.Count == 0)
        {
            failures.Add("Auth:Jwt:Audiences must name at least one audience when JWTs are accepted.");
        }

        if (jwt.SigningKeys.Count > 0 && jwt.Issuers.Count == 0 && string.IsNullOrWhiteSpace(jwt.Authority))
        {
            failures.Add("Auth:Jwt:Issuers must name the accepted issuers when only static signing keys are given.");
        }

        foreach (var (role, grants) in jwt.RoleGrants)
        {
            if (GrantsJson.Read(grants, out var problem) is null)
            {
                failures.Add($"Auth:Jwt:RoleGrants:{role}: {problem}");
            }
        }

        for (var i = 0; i < jwt.SigningKeys.Count; i++)
        {
            if (JwtSigningKeys.Parse(jwt.SigningKeys[i]) is null)
            {
                failures.Add($"Auth:Jwt:SigningKeys:{i} is neither a PEM public key (RSA or EC) nor a JSON Web Key.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
