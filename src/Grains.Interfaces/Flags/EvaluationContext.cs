namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Who a flag is evaluated for: the <see cref="TargetingKey"/> (the user, for target lists and bucketing) and
/// the attributes that rules compare.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.EvaluationContext")]
public sealed record EvaluationContext(
    [property: Id(0)] string? TargetingKey,
    [property: Id(1)] IReadOnlyDictionary<string, ContextValue> Attributes)
{
    /// <summary>The rule attribute that names the targeting key when the attributes do not have one of that name.</summary>
    public const string TargetingKeyAttribute = "targetingKey";

    public static readonly EvaluationContext Empty = new(null, new Dictionary<string, ContextValue>());

    public static EvaluationContext ForKey(string? targetingKey) => new(targetingKey, Empty.Attributes);

    /// <summary>The attribute a rule compares, or null when the context has none of that name.</summary>
    public ContextValue? Attribute(string name)
    {
        if (Attributes.TryGetValue(name, out var value))
        {
            return value;
        }

        return name == TargetingKeyAttribute && TargetingKey is not null ? ContextValue.FromString(TargetingKey) : null;
    }

    /// <summary>Only the attribute names: the targeting key and the values may be personal data.</summary>
    public override string ToString() =>
        $"targeting key: {(string.IsNullOrEmpty(TargetingKey) ? "none" : "set")}; attributes: [{string.Join(", ", Attributes.Keys)}]";
}
