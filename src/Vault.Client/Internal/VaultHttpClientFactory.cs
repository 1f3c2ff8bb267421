namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The one <see cref="HttpClient"/> of the Vault client: pooled connections recycled every few minutes (DNS
/// changes, Vault failover), no redirects (a redirect would carry the token elsewhere; a 307 from a standby
/// is reported as unavailable), no cookies, TLS as <see cref="VaultTls"/> sets it up, and no client-level timeout (the
/// transport enforces the call budget).
/// </summary>
internal static class VaultHttpClientFactory
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);

    public static HttpClient Create(VaultOptions options, HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = ConnectionLifetime,
            PooledConnectionIdleTimeout = IdleTimeout,
            ConnectTimeout = options.Timeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = VaultTls.Options(options.Tls),
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }
}
