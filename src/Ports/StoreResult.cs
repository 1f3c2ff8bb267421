namespace ConfigCluster.Ports;

/// <summary>A store answer with an optional payload and a detail safe to show (never a value).</summary>
public readonly record struct StoreResult<T>(StoreOutcome Outcome, T? Value = default, string? Detail = null)
{
    public bool IsOk => Outcome == StoreOutcome.Ok;

    public static StoreResult<T> Ok(T value) => new(StoreOutcome.Ok, value);

    public static StoreResult<T> Fail(StoreOutcome outcome, string? detail = null) => new(outcome, default, detail);
}
