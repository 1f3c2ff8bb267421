namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// A targeting rule: when the context's <see cref="Attribute"/> satisfies <see cref="Operator"/> against
/// <see cref="Values"/> (operands as text, numbers in invariant culture), the flag serves <see cref="Serve"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.FlagRule")]
public sealed record FlagRule(
    [property: Id(0)] string Attribute,
    [property: Id(1)] FlagOperator Operator,
    [property: Id(2)] IReadOnlyList<string> Values,
    [property: Id(3)] FlagServe Serve);
