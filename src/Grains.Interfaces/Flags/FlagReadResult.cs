namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// What <see cref="FlagJson.Read"/> made of a request body: the flag, or (with <see cref="Flag"/> null) every
/// problem, each a snake_case field and a message that never repeats a submitted value.
/// </summary>
public sealed record FlagReadResult(FlagDefinition? Flag, IReadOnlyList<(string Field, string Message)> Problems);
