using System.Runtime.InteropServices;

namespace ConfigCluster.Grains.Access;

/// <summary>A key's SHA-256 as a dictionary key: four machine words, compared without allocating.</summary>
internal readonly record struct KeyHash(ulong A, ulong B, ulong C, ulong D)
{
    public static KeyHash Of(ReadOnlySpan<byte> sha256)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(sha256[..32]);
        return new KeyHash(words[0], words[1], words[2], words[3]);
    }
}
