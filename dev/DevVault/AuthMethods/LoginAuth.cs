using ConfigCluster.DevVault.Auth;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>
/// What a login handler hands the core (logical.Auth): the role's token policies and terms, the metadata to
/// report, a display name and the alias the login's entity is found by.
/// </summary>
internal sealed record LoginAuth(
    string RoleName,
    IReadOnlyList<string> Policies,
    bool NoDefaultPolicy,
    TokenTerms Terms,
    IReadOnlyDictionary<string, string> Metadata,
    string DisplayName,
    string AliasName);
