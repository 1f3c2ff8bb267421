using System.Globalization;

namespace ConfigCluster.DevVault.Hosting;

/// <summary>Parses <c>host:port</c> (or <c>[v6]:port</c>) as VAULT_DEV_LISTEN_ADDRESS accepts it.</summary>
internal static class DevListenAddress
{
    public static (string Host, int Port) Parse(string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            throw new FormatException($"VAULT_DEV_LISTEN_ADDRESS must look like 127.0.0.1:8200, got '{value}'.");
        }

        return (value[..colon].Trim('[', ']'), port);
    }
}
