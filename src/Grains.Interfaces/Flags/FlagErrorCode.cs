namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>Why an evaluation failed; the OpenFeature names are in <see cref="FlagErrorCodes"/>.</summary>
public enum FlagErrorCode
{
    /// <summary>No flag of that key in the environment.</summary>
    FlagNotFound,

    /// <summary>A rollout or split needed the context's targeting key and it had none.</summary>
    TargetingKeyMissing,

    /// <summary>The context could not be used at all.</summary>
    InvalidContext,

    /// <summary>The flag's definition is inconsistent (an unknown variant, a rule operand that does not parse).</summary>
    ParseError,

    /// <summary>A context attribute has a type its rule's operator cannot compare.</summary>
    TypeMismatch,

    /// <summary>Anything else.</summary>
    General,
}
