using System.Text;
using System.Text.Json;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>
/// docs/flags-bucketing-vectors.json, which SDK authors test their bucketing against, holds what the service
/// computes, and covers the inputs that trip implementations up.
/// </summary>
public sealed class FlagBucketingVectorsTests
{
    private static readonly IReadOnlyList<(string Flag, string TargetingKey, int Bucket)> Vectors = Load();

    [Fact]
    public void EveryVectorIsTheBucketTheServiceComputes()
    {
        var wrong = Vectors.Where(v => FlagBucketing.Bucket(v.Flag, v.TargetingKey) != v.Bucket).ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void VectorsCoverEveryByteLengthModuloFourAndMultiByteText()
    {
        var lengths = Vectors.Select(v => Encoding.UTF8.GetByteCount($"{v.Flag}:{v.TargetingKey}")).ToList();
        var keys = Vectors.Select(v => v.TargetingKey).ToList();

        Assert.True(Vectors.Count >= 60);
        Assert.Equal([0, 1, 2, 3], lengths.Select(l => l % 4).Distinct().Order());
        Assert.Contains(lengths, l => l > 512);
        Assert.Contains("", keys);
        Assert.Contains("ü", keys);
        Assert.Contains("日本", keys);
        Assert.Contains("🚀", keys);
        Assert.All(Vectors, v => Assert.InRange(v.Bucket, 0, FlagBucketing.Buckets - 1));
    }

    private static List<(string, string, int)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Flags", "flags-bucketing-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateArray()
            .Select(v => (v.GetProperty("flag").GetString()!, v.GetProperty("targeting_key").GetString()!, v.GetProperty("bucket").GetInt32()))
            .ToList();
    }
}
