using ConfigCluster.Grains.Interfaces.Config;

namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>The limits <see cref="FlagDefinitionValidator"/> enforces.</summary>
public static class FlagLimits
{
    public const int MaxDescriptionLength = 1024;
    public const int MaxUsers = 10_000;
    public const int MaxUserLength = 256;
    public const int MaxAttributeLength = 128;

    /// <summary>A variant's JSON, counted as UTF-8 bytes: the same 512 KiB as a config value.</summary>
    public const int MaxVariantJsonBytes = ConfigValueLimits.MaxValueBytes;

    /// <summary>
    /// A whole definition as stored, in UTF-8 bytes. It travels in the flag's change event, which must stay well
    /// under Kafka's default limit of 1 MB per message.
    /// </summary>
    public const int MaxDefinitionBytes = 512 * 1024;
}
