namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>The JSON type of an evaluation context attribute; <see cref="Other"/> is an object or an array.</summary>
public enum ContextValueKind
{
    String,
    Number,
    Boolean,
    Null,
    Other,
}
