using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Flags;

/// <summary>Evaluates from this silo's <see cref="FlagSnapshots"/>; see <see cref="IFlagEvaluationGrain"/>.</summary>
[StatelessWorker]
internal sealed class FlagEvaluationGrain(FlagSnapshots snapshots) : Grain, IFlagEvaluationGrain
{
    public async Task<FlagEvaluations> EvaluateAsync(string environment, string? key, EvaluationContext context, CancellationToken cancellationToken)
    {
        if (await snapshots.GetAsync(environment) is not { } flags)
        {
            return FlagEvaluations.Unavailable($"The flags of environment '{environment}' cannot be read now: the flag store (PostgreSQL) is not available.");
        }

        IReadOnlyList<FlagEvaluation> items = key is null
            ? [.. flags.Ordered.Select(flag => FlagEvaluator.Evaluate(flag, context))]
            : [flags.Find(key) is { } flag ? FlagEvaluator.Evaluate(flag, context) : FlagEvaluation.NotFound(key)];
        return new FlagEvaluations(true, items, flags.ETag);
    }
}
