using System.Buffers.Binary;
using System.Text;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Tests.Flags;

/// <summary>Our MurmurHash3_x86_32 gives the published reference values, block sizes and tails of every length included.</summary>
public sealed class MurmurHash3Tests
{
    [Theory]
    [InlineData("", 0x00000000u, 0x00000000u)]
    [InlineData("", 0x00000001u, 0x514E28B7u)]
    [InlineData("", 0xFFFFFFFFu, 0x81F16F39u)]
    [InlineData("hello", 0x00000000u, 0x248BFA47u)]
    [InlineData("test", 0x00000000u, 0xBA6BD213u)]
    [InlineData("test", 0x9747B28Cu, 0x704B81DCu)]
    [InlineData("Hello, world!", 0x00000000u, 0xC0363E43u)]
    [InlineData("Hello, world!", 0x9747B28Cu, 0x24884CBAu)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x00000000u, 0x2E4FF723u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747B28Cu, 0x2FA826CDu)]
    [InlineData("a", 0x9747B28Cu, 0x7FA09EA6u)]
    [InlineData("aa", 0x9747B28Cu, 0x5D211726u)]
    [InlineData("aaa", 0x9747B28Cu, 0x283E0130u)]
    [InlineData("aaaa", 0x9747B28Cu, 0x5A97808Au)]
    [InlineData("ab", 0x9747B28Cu, 0x74875592u)]
    [InlineData("abc", 0x9747B28Cu, 0xC84A62DDu)]
    [InlineData("abcd", 0x9747B28Cu, 0xF0478627u)]
    [InlineData("abc", 0x00000000u, 0xB3DD93FAu)]
    [InlineData("ππππππππ", 0x9747B28Cu, 0xD58063C1u)]
    public void HashOfUtf8TextIsThePublishedReferenceValue(string text, uint seed, uint expected) =>
        Assert.Equal(expected, MurmurHash3.X86_32(Encoding.UTF8.GetBytes(text), seed));

    [Theory]
    [InlineData("", 0x00000000u, 0x00000000u)]
    [InlineData("00", 0x00000000u, 0x514E28B7u)]
    [InlineData("0000", 0x00000000u, 0x30F4C306u)]
    [InlineData("000000", 0x00000000u, 0x85F0B427u)]
    [InlineData("00000000", 0x00000000u, 0x2362F9DEu)]
    [InlineData("21", 0x00000000u, 0x72661CF4u)]
    [InlineData("2143", 0x00000000u, 0xA0F7B07Au)]
    [InlineData("214365", 0x00000000u, 0x7E4A8634u)]
    [InlineData("21436587", 0x00000000u, 0xF55B516Bu)]
    [InlineData("21436587", 0x5082EDEEu, 0x2362F9DEu)]
    [InlineData("FFFFFFFF", 0x00000000u, 0x76293B50u)]
    public void HashOfRawBytesIsThePublishedReferenceValue(string hex, uint seed, uint expected) =>
        Assert.Equal(expected, MurmurHash3.X86_32(Convert.FromHexString(hex), seed));

    [Fact]
    public void TwoHundredFiftySixRepeatedBytesHashToThePublishedValue() =>
        Assert.Equal(0x37405BDCu, MurmurHash3.X86_32(Encoding.ASCII.GetBytes(new string('a', 256)), 0x9747B28C));

    /// <summary>SMHasher's VerificationTest: hash {}, {0}, {0,1}, ... {0..254} with seed 256 - n, then hash the hashes.</summary>
    [Fact]
    public void SmHasherVerificationValueIsB0F57EE3()
    {
        var key = new byte[256];
        var hashes = new byte[256 * 4];
        for (var n = 0; n < 256; n++)
        {
            key[n] = (byte)n;
            BinaryPrimitives.WriteUInt32LittleEndian(hashes.AsSpan(n * 4), MurmurHash3.X86_32(key.AsSpan(0, n), (uint)(256 - n)));
        }

        Assert.Equal(0xB0F57EE3u, MurmurHash3.X86_32(hashes, 0));
    }
}
