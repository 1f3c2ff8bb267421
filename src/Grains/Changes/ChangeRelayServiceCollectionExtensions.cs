using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConfigCluster.Grains.Changes;

public static class ChangeRelayServiceCollectionExtensions
{
    /// <summary>Runs the change relay on this silo (it needs an IChangeOutbox and an IChangePublisher).</summary>
    public static IServiceCollection AddChangeRelay(this IServiceCollection services)
    {
        services.AddOptions<ChangeRelayOptions>().BindConfiguration(ChangeRelayOptions.SectionName)
            .Validate(o => o.BatchSize > 0 && o.PendingGrace > TimeSpan.Zero && o.StandbyInterval > TimeSpan.Zero && o.IdleWait > TimeSpan.Zero,
                "ChangeRelay: BatchSize and the intervals must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChangeReconciler>();
        services.AddHostedService<ChangeRelay>();
        return services;
    }
}
