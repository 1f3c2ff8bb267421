using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigCluster.Vault.Client.Tests.Support;

/// <summary>The real clients over a <see cref="StubHandler"/>, with read retries that do not wait.</summary>
internal sealed class StubVault : IDisposable
{
    public const string Token = "hvs.test-token-not-a-secret-but-never-printed";

    public StubVault(StubHandler handler, Action<VaultOptions>? configure = null, ILogger? logger = null)
    {
        Handler = handler;
        Options = new VaultOptions { Address = new Uri("http://vault.test:8200"), Token = Token };
        configure?.Invoke(Options);
        Transport = new VaultTransport(Options, logger ?? NullLogger.Instance, handler) { ReadRetryDelays = [TimeSpan.Zero, TimeSpan.Zero] };
        Kv2 = new VaultKv2Client(Transport);
        Kv1 = new VaultKv1Client(Transport);
        Sys = new VaultSysClient(Transport);
    }

    public StubHandler Handler { get; }

    public VaultOptions Options { get; }

    public VaultTransport Transport { get; }

    public VaultKv2Client Kv2 { get; }

    public VaultKv1Client Kv1 { get; }

    public VaultSysClient Sys { get; }

    public RecordedRequest Single => Assert.Single(Handler.Requests);

    public static StubVault ForFixture(string name) => new(StubHandler.Fixture(name));

    public void Dispose() => Transport.Dispose();
}
