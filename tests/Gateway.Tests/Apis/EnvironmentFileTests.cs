using System.Text;
using ConfigCluster.Gateway.Apis;

namespace ConfigCluster.Gateway.Tests.Apis;

/// <summary>
/// The environment files: each format reads back exactly what it wrote, whatever the values hold, and reads a
/// hand-written file strictly: anything it cannot read unambiguously is malformed.
/// </summary>
public sealed class EnvironmentFileTests
{
    private static readonly EnvironmentEntry[] Awkward =
    [
        new("billing", "plain", "plain-value", false),
        new("billing", "empty", "", false),
        new("billing", "quotes", "say \"hi\" and 'bye' \\", false),
        new("billing", "lines", "a\nb\r\nc\td  ", false),
        new("billing", "shell", "$HOME ${X} `id` # no comment", false),
        new("billing", "yaml-like", "- null: ~ {a: [b]} &x *x !tag", false),
        new("billing", "controls", "\u0000\u0001\u007f\u0085\u2028\u2029\ufeff grüße 🚀", false),
        new("billing", "null", "null", false),
        new("billing", "secret", "s3cr3t", true),
        new("billing", "hidden", null, true),
    ];

    [Theory]
    [InlineData(nameof(EnvironmentFormat.Json))]
    [InlineData(nameof(EnvironmentFormat.Yaml))]
    [InlineData(nameof(EnvironmentFormat.Dotenv))]
    public void EachFormatReadsBackWhatItWrote(string format)
    {
        var text = Encoding.UTF8.GetString(EnvironmentFile.Write(FormatOf(format), Awkward, "header"));

        var read = EnvironmentFile.Read(FormatOf(format), text, "billing", out var error);

        Assert.Null(error);
        Assert.Equal(Awkward, read);
    }

    [Theory]
    [InlineData(nameof(EnvironmentFormat.Json))]
    [InlineData(nameof(EnvironmentFormat.Yaml))]
    public void AnEmptyExportReadsBackEmpty(string format)
    {
        var text = Encoding.UTF8.GetString(EnvironmentFile.Write(FormatOf(format), [], "header"));

        Assert.Empty(EnvironmentFile.Read(FormatOf(format), text, null, out _)!);
    }

    [Theory]
    [InlineData(nameof(EnvironmentFormat.Json), """{"s":{"k":{"value":"\ud800","is_encrypted":false}}}""")]
    [InlineData(nameof(EnvironmentFormat.Json), """{"s":{"k":{"value":"v","is_encrypted":false,"extra":1}}}""")]
    [InlineData(nameof(EnvironmentFormat.Json), """{"s":{"k":{"value":null,"is_encrypted":false}}}""")]
    [InlineData(nameof(EnvironmentFormat.Json), """{"s":{"k":{"value":1,"is_encrypted":false}}}""")]
    [InlineData(nameof(EnvironmentFormat.Json), """{"s":{"k":{"value":"a","is_encrypted":false}},"s":{}}""")]
    [InlineData(nameof(EnvironmentFormat.Json), "[]")]
    [InlineData(nameof(EnvironmentFormat.Yaml), "s:\n  k:\n    value: a\n    is_encrypted: false\n  k:\n    value: b\n    is_encrypted: false\n")]
    [InlineData(nameof(EnvironmentFormat.Yaml), "s:\n  k:\n    value: !!binary YWJj\n    is_encrypted: false\n")]
    [InlineData(nameof(EnvironmentFormat.Yaml), "s:\n  k:\n    value: [a]\n    is_encrypted: false\n")]
    [InlineData(nameof(EnvironmentFormat.Yaml), "s:\n  k:\n    value: a\n    is_encrypted: \"true\"\n")]
    [InlineData(nameof(EnvironmentFormat.Yaml), "s:\n  k:\n    value: a\n")]
    [InlineData(nameof(EnvironmentFormat.Yaml), "s: {}\n---\nt: {}\n")]
    [InlineData(nameof(EnvironmentFormat.Dotenv), "k=\"a\"\nk=\"b\"\n")]
    [InlineData(nameof(EnvironmentFormat.Dotenv), "k=\"a\\q\"\n")]
    [InlineData(nameof(EnvironmentFormat.Dotenv), "just words\n")]
    [InlineData(nameof(EnvironmentFormat.Dotenv), "k=a#b\n")]
    [InlineData(nameof(EnvironmentFormat.Dotenv), "k='open\n")]
    public void AnAmbiguousFileIsMalformed(string format, string text)
    {
        var read = EnvironmentFile.Read(FormatOf(format), text, "s", out var error);

        Assert.Null(read);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void HandWrittenYamlReadsUnquotedValuesAsWrittenAndNullAsNoValue()
    {
        var read = EnvironmentFile.Read(EnvironmentFormat.Yaml,
            "billing:\n  port:\n    value: 08080\n    is_encrypted: false\n  token:\n    value: ~\n    is_encrypted: true\n", null, out _);

        Assert.Equal([new("billing", "port", "08080", false), new EnvironmentEntry("billing", "token", null, true)], read);
    }

    [Fact]
    public void HandWrittenDotenvTakesExportPrefixesSingleQuotesBareValuesAndComments()
    {
        var read = EnvironmentFile.Read(EnvironmentFormat.Dotenv,
            "# a comment\n\nexport A='lit$ \\n'\r\nB=bare\nC=\"x\" # encrypted\n# D: encrypted, value not exported\n", "svc", out _);

        Assert.Equal(
            [new("svc", "A", "lit$ \\n", false), new("svc", "B", "bare", false), new("svc", "C", "x", true), new EnvironmentEntry("svc", "D", null, true)],
            read);
    }

    private static EnvironmentFormat FormatOf(string name) => Enum.Parse<EnvironmentFormat>(name);
}
