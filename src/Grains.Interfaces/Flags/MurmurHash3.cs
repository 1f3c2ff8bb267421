using System.Buffers.Binary;
using System.Numerics;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// MurmurHash3_x86_32 by Austin Appleby (public domain): the 32-bit hash that flag bucketing is
/// defined on. Blocks are read little-endian whatever the machine, so every platform agrees.
/// </summary>
public static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    public static uint X86_32(ReadOnlySpan<byte> data, uint seed)
    {
        var hash = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            hash ^= MixBlock(BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4)));
            hash = (BitOperations.RotateLeft(hash, 13) * 5) + 0xe6546b64;
        }

        var tail = data[(blocks * 4)..];
        uint last = 0;
        for (var i = tail.Length - 1; i >= 0; i--)
        {
            last = (last << 8) | tail[i];
        }

        if (tail.Length > 0)
        {
            hash ^= MixBlock(last);
        }

        return Finalize(hash ^ (uint)data.Length);
    }

    private static uint MixBlock(uint k) => BitOperations.RotateLeft(k * C1, 15) * C2;

    private static uint Finalize(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return hash;
    }
}
