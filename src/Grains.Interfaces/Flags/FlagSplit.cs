namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Weighted splits: in the order given, each variant owns the buckets from the sum of the weights before it
/// (× 100) up to, not including, that sum plus its own weight (× 100).
/// </summary>
public static class FlagSplit
{
    /// <summary>The variant whose range holds the bucket, or null when the weights do not reach it.</summary>
    public static string? Pick(IReadOnlyList<VariantWeight> split, int bucket)
    {
        decimal upper = 0;
        for (var i = 0; i < split.Count; i++)
        {
            var weight = split[i];
            upper += weight.Weight * 100;
            if (bucket < upper)
            {
                return weight.Variant;
            }
        }

        return null;
    }

    /// <summary>The variant that has all 100%, when one has: such a split needs no bucket.</summary>
    public static string? Sole(IReadOnlyList<VariantWeight> split)
    {
        for (var i = 0; i < split.Count; i++)
        {
            var weight = split[i];
            if (weight.Weight == 100)
            {
                return weight.Variant;
            }
        }

        return null;
    }
}
