namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>Limits on a config value (decision 9).</summary>
public static class ConfigValueLimits
{
    /// <summary>512 KiB, counted as UTF-8 bytes.</summary>
    public const int MaxValueBytes = 512 * 1024;

    public static NameProblem? Check(string? value)
    {
        if (value is null)
        {
            return new NameProblem("value", "'value' is required.");
        }

        return System.Text.Encoding.UTF8.GetByteCount(value) > MaxValueBytes
            ? new NameProblem("value", $"'value' must be at most {MaxValueBytes} bytes (512 KiB) of UTF-8.")
            : null;
    }
}
