using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Grains.Interfaces.Flags;
using ConfigCluster.Grains.Interfaces.Watch;

namespace ConfigCluster.Client;

/// <summary>
/// Configs for services inside the cluster: the same grains, rules and results as the REST API, without
/// HTTP. Register with <see cref="ConfigClientHostingExtensions.AddConfigClusterClient"/>, or build on any
/// <see cref="IGrainFactory"/> (a silo's, or an <c>IClusterClient</c>).
/// </summary>
public sealed class ConfigClient(IGrainFactory grains)
{
    public Task<ConfigResult> GetAsync(ConfigAddress address, long? version = null, CancellationToken cancellationToken = default) =>
        grains.GetConfigGrain(address).GetAsync(version, cancellationToken);

    public Task<ConfigResult> CreateAsync(ConfigAddress address, string value, bool isEncrypted, ChangeContext context, CancellationToken cancellationToken = default) =>
        grains.GetConfigGrain(address).CreateAsync(new ConfigChange(value, isEncrypted, context), cancellationToken);

    /// <summary>Updates the value; <paramref name="isEncrypted"/> null keeps the current setting.</summary>
    public Task<ConfigResult> UpdateAsync(ConfigAddress address, string value, bool? isEncrypted, ChangeContext context, CancellationToken cancellationToken = default) =>
        grains.GetConfigGrain(address).UpdateAsync(new ConfigChange(value, isEncrypted, context), cancellationToken);

    public Task<ConfigResult> DeleteAsync(ConfigAddress address, ChangeContext context, CancellationToken cancellationToken = default) =>
        grains.GetConfigGrain(address).DeleteAsync(context, cancellationToken);

    /// <summary>Calls <paramref name="onChange"/> after each acknowledged change of one config. Dispose the watch to stop.</summary>
    public Task<ConfigWatch> WatchAsync(ConfigAddress address, Func<ConfigChangeNotification, Task> onChange) =>
        ConfigWatch.StartAsync(grains, address.Environment, address.ServiceName, address.Key, onChange);

    /// <summary>Calls <paramref name="onChange"/> after each acknowledged change of any config of one service.</summary>
    public Task<ConfigWatch> WatchServiceAsync(string environment, string serviceName, Func<ConfigChangeNotification, Task> onChange) =>
        ConfigWatch.StartAsync(grains, environment, serviceName, key: null, onChange);

    /// <summary>
    /// Evaluates a flag on a silo, from the flags that silo holds in memory (kept fresh there within milliseconds of
    /// every change; no database query): one call, and the same answer the gateway gives. When the silo cannot
    /// have the environment's flags, the evaluation has error <see cref="FlagErrorCode.General"/> and no variant.
    /// </summary>
    public async Task<FlagEvaluation> EvaluateFlagAsync(string environment, string key, EvaluationContext context, CancellationToken cancellationToken = default)
    {
        var evaluated = await grains.GetGrain<IFlagEvaluationGrain>(0).EvaluateAsync(environment, key, context, cancellationToken);
        return evaluated.Available
            ? evaluated.Items[0]
            : new FlagEvaluation(key, null, null, FlagReason.Error, FlagErrorCode.General, evaluated.Detail, 0);
    }

    /// <summary>Evaluates every flag of an environment at once (key order), as <see cref="EvaluateFlagAsync"/>.</summary>
    public Task<FlagEvaluations> EvaluateFlagsAsync(string environment, EvaluationContext context, CancellationToken cancellationToken = default) =>
        grains.GetGrain<IFlagEvaluationGrain>(0).EvaluateAsync(environment, key: null, context, cancellationToken);
}
