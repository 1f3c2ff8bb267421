namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>Why an evaluation served what it did; the OpenFeature names are in <see cref="FlagReasons"/>.</summary>
public enum FlagReason
{
    /// <summary>The flag serves one value to everyone: it is enabled and has no targeting and no rollout.</summary>
    Static,

    /// <summary>A target user list or a rule matched the context.</summary>
    TargetingMatch,

    /// <summary>The percentage rollout decided, by the user's bucket.</summary>
    Split,

    /// <summary>The flag is disabled.</summary>
    Disabled,

    /// <summary>Nothing matched (or the user is excluded): the default variant.</summary>
    Default,

    /// <summary>The evaluation failed; see the error code.</summary>
    Error,
}
