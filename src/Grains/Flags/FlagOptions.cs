namespace ConfigCluster.Grains.Flags;

/// <summary>How a silo keeps the flags it evaluates (section <c>Flags</c>).</summary>
public sealed class FlagOptions
{
    public const string SectionName = "Flags";

    /// <summary>
    /// How often every environment held is read again in full, besides the change notifications that refresh it
    /// within milliseconds: a safety net for a notification lost with a connection.
    /// </summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many environments without any flag a silo remembers as empty. Environments with flags are always held;
    /// beyond this many empty ones (names made up by callers), an empty environment is asked of the store each time.
    /// </summary>
    public int MaxEmptyEnvironments { get; set; } = 1000;
}
