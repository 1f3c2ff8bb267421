namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// Two versions of one config side by side (<see cref="From"/> and <see cref="To"/>, values included: the edge shows
/// them only to callers that may), with what the audit trail says of each (who wrote it, how, when), when it still
/// has it. <see cref="Outcome"/> is not Ok when a version does not exist (NotFound), is no longer kept (VersionGone),
/// or Vault did not answer; <see cref="Detail"/> then says which.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigDiff")]
public sealed record ConfigDiff(
    [property: Id(0)] ConfigOutcome Outcome,
    [property: Id(1)] ConfigEntry? From = null,
    [property: Id(2)] ConfigEntry? To = null,
    [property: Id(3)] ConfigVersionAudit? FromAudit = null,
    [property: Id(4)] ConfigVersionAudit? ToAudit = null,
    [property: Id(5)] string? Detail = null)
{
    public bool ValueChanged => From is not null && To is not null && !string.Equals(From.Value, To.Value, StringComparison.Ordinal);

    public static ConfigDiff Fail(ConfigOutcome outcome, string? detail) => new(outcome, Detail: detail);
}

/// <summary>How a version came to be, from the audit trail: the action (created, updated, rolled_back), who, when.</summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigVersionAudit")]
public sealed record ConfigVersionAudit(
    [property: Id(0)] string Action,
    [property: Id(1)] string Actor,
    [property: Id(2)] DateTimeOffset At);
