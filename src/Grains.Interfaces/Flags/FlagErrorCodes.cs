namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// The OpenFeature names of <see cref="FlagErrorCode"/>: <c>FLAG_NOT_FOUND</c>, <c>TARGETING_KEY_MISSING</c>,
/// <c>INVALID_CONTEXT</c>, <c>PARSE_ERROR</c>, <c>TYPE_MISMATCH</c>, <c>GENERAL</c>.
/// </summary>
public static class FlagErrorCodes
{
    public static string Name(FlagErrorCode code) => code switch
    {
        FlagErrorCode.FlagNotFound => "FLAG_NOT_FOUND",
        FlagErrorCode.TargetingKeyMissing => "TARGETING_KEY_MISSING",
        FlagErrorCode.InvalidContext => "INVALID_CONTEXT",
        FlagErrorCode.ParseError => "PARSE_ERROR",
        FlagErrorCode.TypeMismatch => "TYPE_MISMATCH",
        FlagErrorCode.General => "GENERAL",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a flag error code."),
    };

    /// <summary>The error code with this exact (case-sensitive) name, or null for an unknown name.</summary>
    public static FlagErrorCode? Parse(string? name) => name switch
    {
        "FLAG_NOT_FOUND" => FlagErrorCode.FlagNotFound,
        "TARGETING_KEY_MISSING" => FlagErrorCode.TargetingKeyMissing,
        "INVALID_CONTEXT" => FlagErrorCode.InvalidContext,
        "PARSE_ERROR" => FlagErrorCode.ParseError,
        "TYPE_MISMATCH" => FlagErrorCode.TypeMismatch,
        "GENERAL" => FlagErrorCode.General,
        _ => null,
    };
}
