namespace ConfigCluster.DevVault.Fields;

/// <summary>The Vault sdk/framework field types the KV engine declares.</summary>
internal enum FieldType
{
    String,
    Int,
    Bool,
    Map,
    DurationSecond,
    SignedDurationSecond,
    CommaIntSlice,
}
