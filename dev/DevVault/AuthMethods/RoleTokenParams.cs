using ConfigCluster.DevVault.Auth;
using ConfigCluster.DevVault.Fields;
using ConfigCluster.DevVault.Json;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>
/// tokenutil.TokenParams, the token settings every role carries: TTL, max TTL, explicit max TTL, policies
/// (with the deprecated <c>policies</c> alias), no-default-policy and token type. Periods, use limits and
/// bound CIDRs are not offered (a request that sends them is warned they were ignored); only service
/// tokens are issued.
/// </summary>
internal sealed class RoleTokenParams
{
    public static readonly (string Name, FieldType Type)[] Fields =
    [
        ("token_ttl", FieldType.DurationSecond),
        ("token_max_ttl", FieldType.DurationSecond),
        ("token_explicit_max_ttl", FieldType.DurationSecond),
        ("token_policies", FieldType.CommaStringSlice),
        ("policies", FieldType.CommaStringSlice),
        ("token_no_default_policy", FieldType.Bool),
        ("token_type", FieldType.String),
    ];

    public long TokenTtl { get; private set; }

    public long TokenMaxTtl { get; private set; }

    public long TokenExplicitMaxTtl { get; private set; }

    public IReadOnlyList<string> TokenPolicies { get; private set; } = [];

    /// <summary>The deprecated alias, reported only when it was the one set.</summary>
    public IReadOnlyList<string> Policies { get; private set; } = [];

    public bool TokenNoDefaultPolicy { get; private set; }

    /// <summary>"default" until set; "service" is the only other type offered.</summary>
    public string TokenType { get; private set; } = "default";

    public TokenTerms Terms => new(TokenTtl, TokenMaxTtl, TokenExplicitMaxTtl);

    public RoleTokenParams Clone() => (RoleTokenParams)MemberwiseClone();

    /// <summary>ParseTokenFields and the policies upgrade; null, or Vault's error text.</summary>
    public string? Apply(FieldData fields)
    {
        TokenExplicitMaxTtl = fields.Has("token_explicit_max_ttl") ? fields.GetSeconds("token_explicit_max_ttl") : TokenExplicitMaxTtl;
        TokenMaxTtl = fields.Has("token_max_ttl") ? fields.GetSeconds("token_max_ttl") : TokenMaxTtl;
        TokenNoDefaultPolicy = fields.Has("token_no_default_policy") ? fields.GetBool("token_no_default_policy") : TokenNoDefaultPolicy;
        TokenPolicies = fields.Has("token_policies") ? fields.GetStrings("token_policies") : TokenPolicies;
        if (fields.Has("token_type") && TokenTypeError(fields.GetString("token_type")) is { } typeError)
        {
            return typeError;
        }

        TokenTtl = fields.Has("token_ttl") ? fields.GetSeconds("token_ttl") : TokenTtl;
        if (TokenTtl > 0 && TokenMaxTtl > 0 && TokenTtl > TokenMaxTtl)
        {
            return "'token_ttl' cannot be greater than 'token_max_ttl'";
        }

        UpgradePolicies(fields);
        return null;
    }

    /// <summary>PopulateTokenData (the token settings of a role read), plus <c>policies</c> when that alias was used.</summary>
    public void AddTo(GoMap data)
    {
        data.Add("token_bound_cidrs", [])
            .Add("token_explicit_max_ttl", TokenExplicitMaxTtl)
            .Add("token_max_ttl", TokenMaxTtl)
            .Add("token_no_default_policy", TokenNoDefaultPolicy)
            .Add("token_num_uses", 0)
            .Add("token_period", 0)
            .Add("token_policies", TokenPolicies)
            .Add("token_ttl", TokenTtl)
            .Add("token_type", TokenType);
        if (Policies.Count > 0)
        {
            data.Add("policies", Policies);
        }
    }

    private string? TokenTypeError(string type)
    {
        switch (type)
        {
            case "" or "default":
                TokenType = "default";
                return null;
            case "service":
                TokenType = "service";
                return null;
            case "batch":
                return "the dev Vault issues service tokens only; 'token_type' \"batch\" is not supported";
            default:
                return $"invalid 'token_type' value \"{type}\"";
        }
    }

    // tokenutil.UpgradeValue for policies: the new name wins; the old one alone sets both (sanitized).
    private void UpgradePolicies(FieldData fields)
    {
        if (!fields.Has("token_policies"))
        {
            if (fields.Has("policies"))
            {
                Policies = PolicyNames.Sanitize(fields.GetStrings("policies"), addDefault: false);
                TokenPolicies = Policies;
            }

            return;
        }

        Policies = fields.Has("policies") ? TokenPolicies : [];
    }
}
