using ConfigCluster.DevVault.GoCompat;
using ConfigCluster.DevVault.Sys;

namespace ConfigCluster.DevVault.Auth;

/// <summary>
/// sdk/framework CalculateTTL without periods, in whole seconds: the increment, else the role's TTL, else the
/// system default (768h); capped so the lease ends no later than its start plus the smallest max TTL, with
/// Vault's warning when capped.
/// </summary>
internal static class LeaseTtl
{
    public static bool TryCalculate(
        long increment,
        TokenTerms terms,
        DateTimeOffset? start,
        DateTimeOffset now,
        out long ttl,
        out List<string> warnings,
        out string error)
    {
        warnings = [];
        error = "";
        long nowSeconds = now.ToUnixTimeSeconds();
        long startSeconds = start?.ToUnixTimeSeconds() ?? nowSeconds;
        long maxTtl = VaultIdentity.DefaultLeaseSeconds;
        maxTtl = terms.MaxTtl > 0 && terms.MaxTtl < maxTtl ? terms.MaxTtl : maxTtl;
        maxTtl = terms.ExplicitMaxTtl > 0 && terms.ExplicitMaxTtl < maxTtl ? terms.ExplicitMaxTtl : maxTtl;

        ttl = increment > 0 ? increment : terms.Ttl > 0 ? terms.Ttl : VaultIdentity.DefaultLeaseSeconds;
        long maxValidTtl = startSeconds + maxTtl - nowSeconds;
        if (maxValidTtl <= 0)
        {
            ttl = 0;
            error = "past the max TTL, cannot renew";
            return false;
        }

        if (maxValidTtl < ttl)
        {
            warnings.Add($"TTL of {GoQuote.Quote(HumanDuration(ttl))} exceeded the effective max_ttl of {GoQuote.Quote(HumanDuration(maxValidTtl))}; TTL value is capped accordingly");
            ttl = maxValidTtl;
        }

        return true;
    }

    // framework.humanDuration: time.Duration.String() without zero minutes or seconds ("768h", "1h5s").
    private static string HumanDuration(long seconds)
    {
        string text = GoTime.FormatSeconds(seconds);
        if (text.EndsWith("m0s", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        int index = text.IndexOf("h0m", StringComparison.Ordinal);
        return index > 0 ? text[..(index + 1)] + text[(index + 3)..] : text;
    }
}
