using ConfigCluster.Grains.Changes;
using ConfigCluster.Ports.Flags;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Flags;

public static class FlagsServiceCollectionExtensions
{
    /// <summary>
    /// The silo's flag snapshots and their follower, with options from the section <c>Flags</c>; without
    /// PostgreSQL a store that has no flags (see NoFlagStore).
    /// </summary>
    public static IServiceCollection AddFlagSnapshots(this IServiceCollection services)
    {
        services.AddOptions<FlagOptions>().BindConfiguration(FlagOptions.SectionName)
            .Validate(o => o.ResyncInterval >= TimeSpan.FromSeconds(1) && o.ResyncInterval <= TimeSpan.FromHours(1),
                "Flags:ResyncInterval must be between 00:00:01 and 01:00:00.")
            .Validate(o => o.MaxEmptyEnvironments is >= 0 and <= 1_000_000, "Flags:MaxEmptyEnvironments must be from 0 to 1000000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFlagStore, NoFlagStore>();
        services.TryAddSingleton<FlagSnapshots>();
        services.AddHostedService(sp => new SnapshotFollower(
            sp.GetRequiredService<IFlagStore>(), sp.GetRequiredService<FlagSnapshots>(),
            () => sp.GetRequiredService<IOptions<FlagOptions>>().Value.ResyncInterval, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
