namespace ConfigCluster.DevVault.Auth;

/// <summary>An auth method's renew callback: the issuing role's terms as they are now.</summary>
internal interface IRenewalSource
{
    /// <summary>Null when the role no longer exists, which makes the renewal fail.</summary>
    TokenTerms? TermsOf(string roleName);
}
