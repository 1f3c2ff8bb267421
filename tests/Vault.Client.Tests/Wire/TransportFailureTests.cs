using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigCluster.Vault.Client.Tests.Wire;

/// <summary>Network trouble becomes results, never exceptions; reads retry, writes never do (vault-kv-contract §7.7).</summary>
public sealed class TransportFailureTests
{
    private const string ReadBody = """{"data":{"data":{"k":"v"},"metadata":{"created_time":"2025-03-02T08:20:01Z","deletion_time":"","destroyed":false,"version":1}}}""";

    [Fact]
    public async Task ConnectionRefusedIsUnavailable()
    {
        var options = new VaultOptions { Address = new Uri($"http://127.0.0.1:{ClosedPort()}"), Token = "t", Timeout = TimeSpan.FromSeconds(10) };
        using var transport = new VaultTransport(options, NullLogger.Instance) { ReadRetryDelays = [] };

        var read = await new VaultKv2Client(transport).ReadAsync(KvPath.Create("a"));

        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Null(read.HttpStatus);
        Assert.StartsWith("connection failed", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVaultThatNeverAnswersIsUnavailableWithinTheTimeout()
    {
        using var vault = new StubVault(StubHandler.NeverAnswering(), o => o.Timeout = TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));
        var write = await vault.Kv2.WriteAsync(KvPath.Create("a"), new JsonObject());

        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Equal(VaultOutcome.Unavailable, write.Outcome);
        Assert.Contains("no answer within 300 ms", read.Error, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task HealthOfAVaultThatNeverAnswersIsUnavailableAndNotConnected()
    {
        using var vault = new StubVault(StubHandler.NeverAnswering(), o => o.Timeout = TimeSpan.FromMilliseconds(200));

        Assert.Equal(VaultOutcome.Unavailable, (await vault.Sys.HealthAsync()).Outcome);
        Assert.False(await vault.Sys.IsConnectedAsync());
    }

    [Theory]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(IOException))]
    public async Task TransportExceptionsBecomeUnavailable(Type exceptionType)
    {
        var exception = (Exception)Activator.CreateInstance(exceptionType, "boom")!;
        using var vault = new StubVault(StubHandler.Throwing(exception));

        var write = await vault.Kv2.WriteAsync(KvPath.Create("a"), new JsonObject());

        Assert.Equal(VaultOutcome.Unavailable, write.Outcome);
    }

    [Fact]
    public async Task CallerCancellationIsNotATimeoutAndThrows()
    {
        using var vault = new StubVault(StubHandler.NeverAnswering());
        using var cancel = new CancellationTokenSource();
        var read = vault.Kv2.ReadAsync(KvPath.Create("a"), ct: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Theory]
    [InlineData(503, """{"errors":["Vault is sealed"]}""")]
    [InlineData(500, """{"errors":["internal error"]}""")]
    [InlineData(502, "<html>bad gateway</html>")]
    [InlineData(429, """{"errors":["rate limit quota exceeded"]}""")]
    public async Task ReadsAreRetriedAndSucceedOnceVaultRecovers(int status, string body)
    {
        using var vault = new StubVault(StubHandler.Sequence((status, body), (200, ReadBody)));

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.True(read.IsOk);
        Assert.Equal(2, vault.Handler.Requests.Count);
    }

    [Fact]
    public async Task ReadsGiveUpAfterTwoRetries()
    {
        using var vault = new StubVault(StubHandler.Fixture("sealed-503"));

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.Equal(VaultOutcome.Unavailable, read.Outcome);
        Assert.Equal(3, vault.Handler.Requests.Count);
    }

    [Fact]
    public async Task WritesAreNeverRetried()
    {
        using var vault = new StubVault(StubHandler.Sequence((503, """{"errors":["Vault is sealed"]}"""), (200, ReadBody)));

        var written = await vault.Kv2.WriteAsync(KvPath.Create("a"), new JsonObject(), cas: 1);
        var deleted = await vault.Kv2.DeleteMetadataAsync(KvPath.Create("a"));

        Assert.Equal(VaultOutcome.Unavailable, written.Outcome);
        Assert.True(deleted.IsOk);
        Assert.Equal(2, vault.Handler.Requests.Count);
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        using var vault = StubVault.ForFixture("permission-denied-policy-403");

        await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.Single(vault.Handler.Requests);
    }

    [Theory]
    [InlineData(502, VaultOutcome.Unavailable)]
    [InlineData(200, VaultOutcome.Rejected)]
    [InlineData(404, VaultOutcome.Rejected)]
    public async Task NonJsonBodiesAreDescribedWithoutTheirContent(int status, VaultOutcome expected)
    {
        using var vault = new StubVault(StubHandler.Serving(status, "<html>proxy says secret-ish things</html>"));

        var read = await vault.Kv2.ReadAsync(KvPath.Create("a"));

        Assert.Equal(expected, read.Outcome);
        Assert.DoesNotContain("proxy", read.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(307, VaultOutcome.Unavailable)]
    [InlineData(301, VaultOutcome.Rejected)]
    [InlineData(412, VaultOutcome.Unavailable)]
    [InlineData(473, VaultOutcome.Unavailable)]
    [InlineData(415, VaultOutcome.Rejected)]
    public async Task OtherStatusesMapToTheirOutcome(int status, VaultOutcome expected)
    {
        using var vault = new StubVault(StubHandler.Serving(status, []));

        var written = await vault.Kv2.WriteAsync(KvPath.Create("a"), new JsonObject());

        Assert.Equal(expected, written.Outcome);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
