using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>
/// Core's LoginCreateToken and RegisterAuth: display name prefixed with the mount, TTL from the role's terms
/// (768h by default, capped with a warning), token policies sanitized with "default" added, no root tokens,
/// then an orphan service token with a lease. The answer is 200 with the <c>auth</c> block and mount_type "".
/// </summary>
internal static class LoginIssuer
{
    private static readonly string[] NonAssignablePolicies = ["response-wrapping", "control-group"];

    public static VaultResponse Issue(AuthContext context, LoginAuth login, IReadOnlyList<string>? frameworkWarnings)
    {
        DateTimeOffset now = context.Now;
        if (!LeaseTtl.TryCalculate(0, login.Terms, null, now, out long ttl, out List<string> warnings, out string ttlError))
        {
            return VaultErrors.Of(500, ttlError);
        }

        IReadOnlyList<string> policies = PolicyNames.Sanitize(login.Policies, addDefault: !login.NoDefaultPolicy);
        if (policies.Contains(PolicyNames.Root))
        {
            return VaultErrors.Of(400, "auth methods cannot create root tokens");
        }

        if (policies.FirstOrDefault(NonAssignablePolicies.Contains) is { } reserved)
        {
            return VaultErrors.Of(400, $"cannot assign policy \"{reserved}\"");
        }

        TokenEntry token = NewToken(context, login, policies, now, ttl);
        context.State.Tokens.Issue(token);
        warnings.AddRange(frameworkWarnings ?? []);
        return VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Login, warnings, Auth: token.AuthBlock(ttl)));
    }

    private static TokenEntry NewToken(AuthContext context, LoginAuth login, IReadOnlyList<string> policies, DateTimeOffset now, long ttl)
    {
        (string id, string accessor) = TokenStore.NewIdentifiers();
        string source = context.Mount.Path.Replace('/', '-');
        string displayName = source + login.DisplayName;
        displayName = displayName.EndsWith('-') ? displayName[..^1] : displayName;
        var lease = new TokenLease(now, now.AddSeconds(ttl), ttl, login.Terms.ExplicitMaxTtl, context.Mount.Backend!, login.RoleName);
        return new TokenEntry(id, accessor, PolicyFor(policies), policies, displayName, context.Request.Path, now.ToUnixTimeSeconds(), Orphan: true)
        {
            Meta = login.Metadata,
            EntityId = context.State.Entities.For(context.Mount.Accessor, login.AliasName),
            Lease = lease,
        };
    }

    // The dev server's stand-in for ACL policies: a token with any named policy besides "default" may do
    // everything a client needs (all but the root-protected paths); one with only "default" may do nothing else.
    private static DevVaultPolicy PolicyFor(IReadOnlyList<string> policies) =>
        policies.Any(policy => policy != PolicyNames.Default) ? DevVaultPolicy.AllowAll : DevVaultPolicy.DenyAll;
}
