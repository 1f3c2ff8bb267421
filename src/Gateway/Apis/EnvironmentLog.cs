namespace ConfigCluster.Gateway.Apis;

/// <summary>What the environment API logs: names, counts and outcomes, never a value.</summary>
internal static partial class EnvironmentLog
{
    [LoggerMessage(EventId = 4210, Level = LogLevel.Information,
        Message = "Import into {Environment} by {Actor} (request {RequestId}): {Created} created, {Updated} updated, {Unchanged} unchanged, {Failed} failed, {NotApplied} not applied")]
    public static partial void Imported(
        this ILogger logger, string environment, string actor, string requestId, int created, int updated, int unchanged, int failed, int notApplied);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Warning,
        Message = "Import of {ServiceName}/{Key} into {Environment} (request {RequestId}) failed: {Outcome}")]
    public static partial void ImportFailed(this ILogger logger, string environment, string serviceName, string key, string requestId, ConfigOutcome outcome);
}
