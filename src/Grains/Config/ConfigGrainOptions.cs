namespace ConfigCluster.Grains.Config;

/// <summary>How config grains keep versions and how long they trust what they last read.</summary>
public sealed class ConfigGrainOptions
{
    public const string SectionName = "Config";

    /// <summary>max_versions set on every secret the service creates (decision 13).</summary>
    public int MaxVersions { get; set; } = 100;

    /// <summary>
    /// How long a grain serves what it last read from Vault without asking again; bounds how long a
    /// change made directly in Vault stays invisible (decision 10).
    /// </summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
