namespace ConfigCluster.DevVault.GoCompat;

/// <summary>What the Go JSON scanner expects next inside an open container.</summary>
internal enum GoJsonContainer : byte
{
    ObjectKey,
    ObjectValue,
    ArrayValue,
}
