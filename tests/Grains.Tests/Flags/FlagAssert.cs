using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>
/// Field-by-field equality of flag definitions. Records compare their lists by reference, so two definitions read
/// from the same JSON are not <c>Equal</c>; this compares the lists by content.
/// </summary>
internal static class FlagAssert
{
    public static void Same(FlagDefinition expected, FlagDefinition actual)
    {
        Assert.Equal(
            (expected.Environment, expected.Key, expected.Description, expected.Enabled, expected.RolloutPercentage, expected.RolloutVariant),
            (actual.Environment, actual.Key, actual.Description, actual.Enabled, actual.RolloutPercentage, actual.RolloutVariant));
        Assert.Equal(expected.TargetUsers, actual.TargetUsers);
        Assert.Equal(expected.TargetVariant, actual.TargetVariant);
        Assert.Equal(expected.ExcludedUsers, actual.ExcludedUsers);
        Assert.Equal(expected.Rules.Count, actual.Rules.Count);
        for (var i = 0; i < expected.Rules.Count; i++)
        {
            SameRule(expected.Rules[i], actual.Rules[i]);
        }

        Assert.Equal(expected.Variants, actual.Variants);
        Assert.Equal(expected.DefaultVariant, actual.DefaultVariant);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal((expected.Version, expected.CreatedAt, expected.UpdatedAt), (actual.Version, actual.CreatedAt, actual.UpdatedAt));
        Assert.Equal(FlagJson.ToStorageJson(expected), FlagJson.ToStorageJson(actual));
    }

    private static void SameRule(FlagRule expected, FlagRule actual)
    {
        Assert.Equal((expected.Attribute, expected.Operator), (actual.Attribute, actual.Operator));
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Serve.Variant, actual.Serve.Variant);
        Assert.Equal(expected.Serve.Split, actual.Serve.Split);
    }
}
