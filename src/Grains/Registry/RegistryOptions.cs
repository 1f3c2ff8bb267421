namespace ConfigCluster.Grains.Registry;

/// <summary>How the service registry runs (section <c>Registry</c>).</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>
    /// Networks (CIDR, as <c>127.0.0.0/8</c> or <c>::1/128</c>) that HTTP and TCP checks may reach although the check
    /// guard refuses them by default: loopback, link-local (cloud metadata included) and <c>0.0.0.0/8</c>.
    /// </summary>
    public List<string> AllowedCheckNetworks { get; set; } = [];

    /// <summary>
    /// The period of each instance's reminder: after its silo died, an instance's checks go on on another silo within
    /// about this long (plus the time the cluster takes to declare the silo dead).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an instance may stay critical before it is removed, when its registration does not say.</summary>
    public TimeSpan DefaultDeregisterCriticalAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Consecutive passing results that turn a warning or critical instance passing, when its check does not say.</summary>
    public int SuccessBeforePassing { get; set; } = 1;

    /// <summary>Consecutive critical results that turn a passing or warning instance critical, when its check does not say.</summary>
    public int FailuresBeforeCritical { get; set; } = 2;

    /// <summary>The shortest interval and TTL a check may have.</summary>
    public TimeSpan MinCheckInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest timeout an HTTP or TCP check may have.</summary>
    public TimeSpan MaxCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often every environment a silo holds is read again in full, besides the change notifications.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait of a blocking query (<c>wait</c>); longer ones are cut to this.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(5);
}
