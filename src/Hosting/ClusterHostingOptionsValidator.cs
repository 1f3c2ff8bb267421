using Microsoft.Extensions.Options;

namespace ConfigCluster.Hosting;

public sealed class ClusterHostingOptionsValidator : IValidateOptions<ClusterHostingOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterHostingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterId) || string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add("Cluster:ClusterId and Cluster:ServiceId must not be empty.");
        }

        if (options.SiloPort is < 1 or > 65535)
        {
            failures.Add("Cluster:SiloPort must be a TCP port (1-65535).");
        }

        if (options.GatewayPort is < 0 or > 65535)
        {
            failures.Add("Cluster:GatewayPort must be a TCP port, or 0 for no Orleans gateway.");
        }

        if (options.PrimarySiloPort is < 1 or > 65535)
        {
            failures.Add("Cluster:PrimarySiloPort must be a TCP port (1-65535).");
        }

        if (options.AdvertisedAddress is { } address && !System.Net.IPAddress.TryParse(address, out _))
        {
            failures.Add("Cluster:AdvertisedAddress must be an IP address.");
        }

        if (options.ShutdownDrainDelay < TimeSpan.Zero || options.ShutdownDrainDelay > TimeSpan.FromMinutes(5))
        {
            failures.Add("Cluster:ShutdownDrainDelay must be between 00:00:00 and 00:05:00.");
        }

        if (options.CallTimeout < TimeSpan.FromSeconds(1) || options.CallTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Cluster:CallTimeout must be between 00:00:01 and 00:02:00.");
        }

        if (options.ProbeTimeout < TimeSpan.FromMilliseconds(100) || options.ProbeTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add("Cluster:ProbeTimeout must be between 00:00:00.1 and 00:00:30.");
        }

        if (options.MissedProbesLimit is < 1 or > 10)
        {
            failures.Add("Cluster:MissedProbesLimit must be between 1 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
