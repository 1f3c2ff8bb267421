namespace ConfigCluster.Gateway.Json;

/// <summary>
/// The answer of an import: the plan of each key (<c>action</c>: create, update, unchanged, conflict, skipped,
/// invalid), and after a real run what happened to it (<c>result</c>: created, updated, unchanged, failed,
/// not_applied), with a reason where there is one; counts of both. Never a value.
/// </summary>
public sealed record EnvironmentImportResponse(
    string Environment,
    string Format,
    bool DryRun,
    IReadOnlyDictionary<string, int> Plan,
    IReadOnlyDictionary<string, int>? Results,
    IReadOnlyList<EnvironmentImportItem> Items);

/// <summary>One key of an import: its plan, its result (null in a dry run) and why, when it is not a plain success.</summary>
public sealed record EnvironmentImportItem(string ServiceName, string Key, string Action, string? Result, string? Reason)
{
    public EnvironmentImportItem Done(string result, string? reason = null) => this with { Result = result, Reason = reason ?? Reason };
}
