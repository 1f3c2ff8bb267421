namespace ConfigCluster.Grains.Interfaces.Flags;

/// <summary>
/// Evaluates flags for clients inside the cluster, from the flags the silo it runs on holds in memory (the same
/// snapshot the gateway evaluates from, kept fresh by the silo). A stateless worker: it runs on the calling silo
/// when there is one, so an evaluation costs at most one hop and never a database query.
/// </summary>
[Alias("ConfigCluster.IFlagEvaluationGrain")]
public interface IFlagEvaluationGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Evaluates the flag <paramref name="key"/> of <paramref name="environment"/>, or every flag of it when
    /// <paramref name="key"/> is null. Not available only while the silo has never loaded the environment and the
    /// flag store does not answer.
    /// </summary>
    [ReadOnly, AlwaysInterleave, Alias("Evaluate")]
    Task<FlagEvaluations> EvaluateAsync(string environment, string? key, EvaluationContext context, CancellationToken cancellationToken = default);
}
