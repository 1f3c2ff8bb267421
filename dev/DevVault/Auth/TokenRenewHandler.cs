using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// auth/token/renew-self (ExpirationManager.RenewToken): the issuing role's current TTL terms, the optional
/// <c>increment</c> as the new TTL, capped at the max TTL counted from the token's issue time (with Vault's
/// warning). The answer carries the renewed <c>auth</c> block; a token without a lease has nothing to renew.
/// </summary>
internal static class TokenRenewHandler
{
    private static readonly FieldSchema Schema = new(("token", FieldType.String), ("increment", FieldType.DurationSecond));

    public static VaultResponse RenewSelf(DevVaultState state, LogicalRequest request)
    {
        if (!Schema.TryConvert(request.Fields, out FieldData fields, out VaultResponse? error))
        {
            return error!;
        }

        lock (state.Tokens.RenewalGate)
        {
            return state.Tokens.Find(request.Caller!.Id) is { } token
                ? Renew(state, token, fields)
                : VaultErrors.InvalidToken;
        }
    }

    private static VaultResponse Renew(DevVaultState state, TokenEntry token, FieldData fields)
    {
        if (token.Lease is not { } lease)
        {
            return VaultErrors.Of(400, "invalid lease ID");
        }

        if (lease.Source.TermsOf(lease.RoleName) is not { } terms)
        {
            return VaultErrors.Of(500, $"failed to renew entry: role {lease.RoleName} does not exist during renewal");
        }

        DateTimeOffset now = state.Time.GetUtcNow();
        TokenTerms renewalTerms = terms with { ExplicitMaxTtl = lease.ExplicitMaxTtl };
        if (!LeaseTtl.TryCalculate(fields.GetSeconds("increment"), renewalTerms, lease.IssueTime, now, out long ttl, out List<string> warnings, out string calculationError))
        {
            return VaultErrors.Of(500, calculationError);
        }

        TokenEntry renewed = token with { Lease = lease with { ExpireTime = now.AddSeconds(ttl), LastRenewal = now } };
        if (!state.Tokens.TryUpdate(token, renewed))
        {
            return VaultErrors.InvalidToken;
        }

        warnings.AddRange(fields.FrameworkWarnings() ?? []);
        return VaultEnvelopeWriter.Write(200, new EnvelopeSpec(EnvelopeSpec.Token, warnings, Auth: renewed.AuthBlock(ttl)));
    }
}
