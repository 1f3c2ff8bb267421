using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// Decides which addresses a health check may connect to. Refused unless listed in
/// <see cref="RegistryOptions.AllowedCheckNetworks"/>: loopback (<c>127.0.0.0/8</c>, <c>::1</c>), link-local
/// (<c>169.254.0.0/16</c>, where cloud metadata services answer, and <c>fe80::/10</c>), <c>0.0.0.0/8</c> and
/// <c>::</c>, and multicast. A check only ever targets its instance's own address and port; this guard is asked again
/// for every address a name resolves to, at registration and on every connection (a name that later resolves
/// elsewhere is refused then).
/// </summary>
public sealed class CheckTargetGuard
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("255.255.255.255/32"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] _allowed;

    public CheckTargetGuard(IOptions<RegistryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowed = [.. options.Value.AllowedCheckNetworks.Select(IPNetwork.Parse)];
    }

    /// <summary>Null when a check may connect to <paramref name="address"/>; else why not, safe to show.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_allowed.Any(n => n.Contains(plain)))
        {
            return null;
        }

        foreach (var network in Refused)
        {
            if (network.Contains(plain))
            {
                return $"{plain} is in {network}, which health checks may not reach (Registry:AllowedCheckNetworks can allow it).";
            }
        }

        return null;
    }

    /// <summary>
    /// The addresses of <paramref name="host"/> a check may connect to (an address literal, or every address a name
    /// resolves to); or why none: a refused address among them, or no address at all.
    /// </summary>
    public async Task<(IPAddress[] Addresses, string? Refusal)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                return ([], $"'{host}' does not resolve to an address.");
            }
        }

        foreach (var address in addresses)
        {
            if (Refusal(address) is { } refusal)
            {
                return ([], refusal);
            }
        }

        return addresses.Length == 0 ? ([], $"'{host}' does not resolve to an address.") : (addresses, null);
    }

    /// <summary>Whether a network text is a valid CIDR (for options validation).</summary>
    public static bool IsNetwork(string text) => IPNetwork.TryParse(text, out _);

    /// <summary>The socket kind for an address family the checks use.</summary>
    internal static Socket SocketFor(IPAddress address) => new(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
}
