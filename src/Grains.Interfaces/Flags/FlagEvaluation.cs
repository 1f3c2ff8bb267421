namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// What a flag served for one context: the variant and its value as raw JSON, why, and on failure the error
/// (then the default variant, when the flag has one, so that a caller may still serve it). <see cref="Version"/>
/// is the flag's version that was evaluated.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagEvaluation")]
public sealed record FlagEvaluation(
    [property: Id(0)] string Key,
    [property: Id(1)] string? Variant,
    [property: Id(2)] string? ValueJson,
    [property: Id(3)] FlagReason Reason,
    [property: Id(4)] FlagErrorCode? Error,
    [property: Id(5)] string? ErrorDetails,
    [property: Id(6)] long Version)
{
    /// <summary>The answer for a key that names no flag.</summary>
    public static FlagEvaluation NotFound(string key) =>
        new(key, null, null, FlagReason.Error, FlagErrorCode.FlagNotFound, $"Flag '{key}' was not found.", 0);
}
