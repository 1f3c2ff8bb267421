using System.Text.Json.Nodes;

namespace ConfigCluster.Vault.Client.Tests;

/// <summary>No secret value or token in ToString, error texts or log lines.</summary>
public sealed class RedactionTests
{
    private const string SecretValue = "s3cr3t";

    [Fact]
    public void OptionsToStringDoesNotPrintTheToken()
    {
        var options = new VaultOptions { Token = StubVault.Token };

        Assert.DoesNotContain(StubVault.Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Token = (set)", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretAndResultToStringDoNotPrintData()
    {
        using var vault = StubVault.ForFixture("kv2-read-200");

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.DoesNotContain(SecretValue, read.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, read.Value!.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 field(s) hidden", read.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kv1ResultToStringDoesNotPrintTheSecret()
    {
        using var vault = new StubVault(StubHandler.Serving(200, """{"data":{"password":"s3cr3t"}}"""));

        var read = await vault.Kv1.ReadAsync(KvPath.Create("a"));

        Assert.Equal(SecretValue, (string?)read.Value!["password"]);
        Assert.DoesNotContain(SecretValue, read.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogLinesCarryNeitherValuesNorTokensAndUseTheProjectsEventIds()
    {
        var logger = new ListLogger();
        using var vault = new StubVault(StubHandler.Fixture("sealed-503"), logger: logger);
        using var denied = new StubVault(StubHandler.Fixture("invalid-token-403"), logger: logger);
        using var timeout = new StubVault(StubHandler.NeverAnswering(), o => o.Timeout = TimeSpan.FromMilliseconds(100), logger);
        using var refused = new StubVault(StubHandler.Throwing(new HttpRequestException("refused")), logger: logger);
        var data = new JsonObject { ["password"] = SecretValue };

        await vault.Kv2.ReadAsync(KvPath.Create("app"));
        await vault.Kv2.WriteAsync(KvPath.Create("app"), data, cas: 3);
        await denied.Kv2.WriteAsync(KvPath.Create("app"), data);
        await timeout.Kv2.WriteAsync(KvPath.Create("app"), data);
        await refused.Kv1.WriteAsync(KvPath.Create("app"), data);

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line =>
        {
            Assert.InRange(line.Id.Id, 2000, 2999);
            Assert.DoesNotContain(SecretValue, line.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(StubVault.Token, line.Text, StringComparison.Ordinal);
        });
        Assert.Contains(logger.Lines, line => line.Text.Contains("secret/data/app", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidationMessagesDoNotPrintTheToken()
    {
        var options = new VaultOptions { Token = "bad token\n", KvVersion = 3 };

        var result = new VaultOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.DoesNotContain("bad token", result.FailureMessage, StringComparison.Ordinal);
    }
}
