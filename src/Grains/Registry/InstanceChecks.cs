using System.Net;
using System.Net.Sockets;
using ConfigCluster.Grains.Interfaces.Registry;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// Runs the HTTP and TCP checks of every instance on this silo. Each connects only to its instance's own address and
/// port, and only to addresses <see cref="CheckTargetGuard"/> allows (asked on every connection); follows no redirect;
/// reads at most <see cref="MaxBodyBytes"/> of a body and keeps none of it; and ends within its timeout.
/// HTTP: a listed expected status, else any 2xx, passes; 429 warns; anything else, or no answer, is critical.
/// TCP: a connection passes.
/// </summary>
public sealed class InstanceChecks : IDisposable
{
    public const int MaxBodyBytes = 4096;

    private readonly CheckTargetGuard _guard;
    private readonly HttpClient _http;

    public InstanceChecks(CheckTargetGuard guard)
    {
        _guard = guard;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 16,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = (context, token) => ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, token),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxBodyBytes,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("ConfigCluster-HealthCheck");
    }

    public Task<CheckResult> RunAsync(InstanceRegistration instance, CancellationToken cancellationToken) =>
        instance.Check.Type == RegistryCheckType.Http ? HttpAsync(instance, cancellationToken) : TcpAsync(instance, cancellationToken);

    private async Task<CheckResult> HttpAsync(InstanceRegistration instance, CancellationToken cancellationToken)
    {
        var check = instance.Check;
        var timeout = check.Timeout ?? TimeSpan.FromSeconds(2);
        var target = new UriBuilder(instance.Scheme, instance.Address, instance.Port).Uri;
        var uri = new Uri(target, check.Path ?? "/");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            await DrainAsync(response, deadline.Token);
            var code = (int)response.StatusCode;
            var status = Judge(code, check.ExpectedStatuses);
            var redirect = code is >= 300 and < 400 ? " (redirects are not followed)" : "";
            return new CheckResult(status, $"HTTP GET {check.Path}: {code} {response.ReasonPhrase}{redirect}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(InstanceStatus.Critical, $"HTTP GET {check.Path}: no answer within {RegistryDuration.Format(timeout)}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new CheckResult(InstanceStatus.Critical, $"HTTP GET {check.Path}: {Describe(e)}");
        }
    }

    private async Task<CheckResult> TcpAsync(InstanceRegistration instance, CancellationToken cancellationToken)
    {
        var timeout = instance.Check.Timeout ?? TimeSpan.FromSeconds(2);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var stream = await ConnectAsync(instance.Address, instance.Port, deadline.Token);
            return new CheckResult(InstanceStatus.Passing, $"TCP connect {instance.Address}:{instance.Port}: connected");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(InstanceStatus.Critical, $"TCP connect {instance.Address}:{instance.Port}: no connection within {RegistryDuration.Format(timeout)}");
        }
        catch (IOException e)
        {
            return new CheckResult(InstanceStatus.Critical, $"TCP connect {instance.Address}:{instance.Port}: {Describe(e)}");
        }
    }

    /// <summary>A 2xx (or a listed status) passes, 429 warns, the rest is critical.</summary>
    public static InstanceStatus Judge(int code, IReadOnlyList<int>? expected) => code switch
    {
        _ when expected is { Count: > 0 } && expected.Contains(code) => InstanceStatus.Passing,
        >= 200 and < 300 when expected is not { Count: > 0 } => InstanceStatus.Passing,
        429 => InstanceStatus.Warning,
        _ => InstanceStatus.Critical,
    };

    /// <summary>
    /// Connects to the first address of <paramref name="host"/> the guard allows; a refused target never sees a
    /// connection attempt. Failures are <see cref="CheckConnectException"/>s with a reason safe to show.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var (addresses, refusal) = await _guard.ResolveAsync(host, cancellationToken);
        if (refusal is not null)
        {
            throw new CheckConnectException($"refused by the check guard: {refusal}");
        }

        var socket = CheckTargetGuard.SocketFor(addresses[0]);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(addresses[0], port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new CheckConnectException(e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "unreachable",
                _ => $"connection failed ({e.SocketErrorCode})",
            });
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads and drops at most <see cref="MaxBodyBytes"/> of the body, so that the connection can be reused when it is short.</summary>
    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[1024];
        var total = 0;
        int read;
        while (total < MaxBodyBytes && (read = await body.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, MaxBodyBytes - total)), cancellationToken)) > 0)
        {
            total += read;
        }
    }

    /// <summary>Our own reason when the connection failed; else a word for what went wrong, never the peer's bytes.</summary>
    private static string Describe(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is CheckConnectException connect)
            {
                return connect.Message;
            }
        }

        return e is HttpRequestException { HttpRequestError: var error } ? $"the request failed ({error})" : "the connection failed";
    }

    /// <summary>A check's connection did not come about; the message is a reason safe to show.</summary>
    private sealed class CheckConnectException(string reason) : IOException(reason);

    public void Dispose() => _http.Dispose();
}
