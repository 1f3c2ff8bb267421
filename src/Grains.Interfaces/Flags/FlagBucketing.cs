using System.Buffers;
using System.Text;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Puts a user in one of 10,000 buckets of a flag (0.01% each): MurmurHash3_x86_32, seed 0, of the
/// UTF-8 bytes of <c>"{flagKey}:{targetingKey}"</c>, as an unsigned integer, modulo 10,000. The same
/// user lands in the same bucket of a flag in every environment and every SDK.
/// </summary>
public static class FlagBucketing
{
    /// <summary>How many buckets there are: one per 0.01 percentage point.</summary>
    public const int Buckets = 10_000;

    private const int StackLimit = 512;

    public static int Bucket(string flagKey, string targetingKey)
    {
        ArgumentNullException.ThrowIfNull(flagKey);
        ArgumentNullException.ThrowIfNull(targetingKey);

        var length = Encoding.UTF8.GetByteCount(flagKey) + 1 + Encoding.UTF8.GetByteCount(targetingKey);
        byte[]? rented = null;
        Span<byte> bytes = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(flagKey, bytes);
            bytes[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(targetingKey, bytes[written..]);
            return (int)(MurmurHash3.X86_32(bytes[..written], 0) % Buckets);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether a bucket is inside a rollout of <paramref name="percentage"/> percent: below percentage × 100.</summary>
    public static bool IsInRollout(int bucket, decimal percentage) => bucket < percentage * 100;
}
