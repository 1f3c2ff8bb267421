using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConfigCluster.Grains.Access;

/// <summary>
/// The form of an API key: <c>cck_</c> and 43 base64url characters of 256 random bits. Only its SHA-256 is ever
/// stored or compared: a secret of 256 random bits needs no slow hash, and equal hashes are compared in
/// constant time.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "cck_";

    /// <summary>Random bytes in a key: 256 bits.</summary>
    public const int RandomBytes = 32;

    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>Whether <paramref name="presented"/> has a key's form (cheap: no hashing).</summary>
    public static bool HasKeyForm(ReadOnlySpan<char> presented) =>
        presented.Length == Length && presented.StartsWith(Prefix, StringComparison.Ordinal);

    public static byte[] Hash(ReadOnlySpan<char> presented)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(presented.Length)];
        var written = Encoding.UTF8.GetBytes(presented, utf8);
        return SHA256.HashData(utf8[..written]);
    }

    public static bool SameHash(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);
}
