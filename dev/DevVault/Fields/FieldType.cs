namespace ConfigCluster.DevVault.Fields;

/// <summary>The Vault sdk/framework field types the implemented backends declare.</summary>
internal enum FieldType
{
    /// <summary>A value the route captures from the URL path; a body value of that name is replaced (and warned about).</summary>
    PathCapture,
    String,
    Int,
    Bool,
    Map,
    DurationSecond,
    SignedDurationSecond,
    CommaIntSlice,
    CommaStringSlice,
}
