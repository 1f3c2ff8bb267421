using System.Text;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>A user's bucket of a flag: deterministic, evenly spread, in 0..9999, and computed without allocating.</summary>
public sealed class FlagBucketingTests
{
    [Theory]
    [InlineData("new-checkout", "user-1")]
    [InlineData("new-checkout", "")]
    [InlineData("f", "日本🚀ü")]
    public void BucketIsTheHashOfFlagColonUserModuloTenThousand(string flag, string user)
    {
        var hash = MurmurHash3.X86_32(Encoding.UTF8.GetBytes($"{flag}:{user}"), 0);

        Assert.Equal((int)(hash % 10_000), FlagBucketing.Bucket(flag, user));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(5000)]
    public void LongKeysThatDoNotFitOnTheStackBucketTheSameWay(int length)
    {
        var user = new string('ü', length);
        var hash = MurmurHash3.X86_32(Encoding.UTF8.GetBytes($"flag:{user}"), 0);

        Assert.Equal((int)(hash % 10_000), FlagBucketing.Bucket("flag", user));
    }

    [Fact]
    public void SameFlagAndUserAlwaysGiveTheSameBucket()
    {
        var first = TestFlags.Users(1000).Select(u => FlagBucketing.Bucket("new-checkout", u)).ToList();
        var second = TestFlags.Users(1000).Select(u => FlagBucketing.Bucket("new-checkout", u)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheSameUserIsBucketedIndependentlyPerFlag()
    {
        var same = TestFlags.Users(10_000).Count(u => FlagBucketing.Bucket("flag-a", u) == FlagBucketing.Bucket("flag-b", u));

        Assert.InRange(same, 0, 10);
    }

    [Fact]
    public void BucketsAreInZeroToNineThousandNineHundredNinetyNineAndAllAreUsed()
    {
        var buckets = TestFlags.Users(200_000).Select(u => FlagBucketing.Bucket("spread", u)).ToHashSet();

        Assert.Equal(0, buckets.Min());
        Assert.Equal(9_999, buckets.Max());
        Assert.Equal(10_000, buckets.Count);
    }

    [Fact]
    public void BucketingAllocatesNothing()
    {
        var user = "user-1234567";
        FlagBucketing.Bucket("new-checkout", user);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            FlagBucketing.Bucket("new-checkout", user);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(0, 0.01, true)]
    [InlineData(1, 0.01, false)]
    [InlineData(1, 0.02, true)]
    [InlineData(4_999, 50, true)]
    [InlineData(5_000, 50, false)]
    [InlineData(1_233, 12.34, true)]
    [InlineData(1_234, 12.34, false)]
    [InlineData(9_999, 100, true)]
    public void BucketIsInARolloutWhenBelowPercentageTimesOneHundred(int bucket, double percentage, bool expected) =>
        Assert.Equal(expected, FlagBucketing.IsInRollout(bucket, (decimal)percentage));
}
