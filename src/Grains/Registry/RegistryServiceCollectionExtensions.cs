using ConfigCluster.Grains.Changes;
using ConfigCluster.Ports.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// The silo's part of the service registry, with options from the section <c>Registry</c> validated at start: the
    /// check guard and runner, the registration rules, the snapshots queries are answered from and their follower;
    /// without PostgreSQL a store that has no instances (see NoRegistryStore).
    /// </summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName)
            .Validate(o => o.AllowedCheckNetworks.All(CheckTargetGuard.IsNetwork),
                "Registry:AllowedCheckNetworks must list networks in CIDR form, such as 127.0.0.0/8 or ::1/128.")
            .Validate(o => o.ReminderPeriod >= TimeSpan.FromSeconds(1) && o.ReminderPeriod <= TimeSpan.FromHours(1),
                "Registry:ReminderPeriod must be between 00:00:01 and 01:00:00.")
            .Validate(o => o.DefaultDeregisterCriticalAfter >= TimeSpan.FromSeconds(1) && o.DefaultDeregisterCriticalAfter <= TimeSpan.FromDays(30),
                "Registry:DefaultDeregisterCriticalAfter must be between 00:00:01 and 30.00:00:00.")
            .Validate(o => o.SuccessBeforePassing is >= 1 and <= 100 && o.FailuresBeforeCritical is >= 1 and <= 100,
                "Registry:SuccessBeforePassing and Registry:FailuresBeforeCritical must be from 1 to 100.")
            .Validate(o => o.MinCheckInterval >= TimeSpan.FromMilliseconds(100) && o.MinCheckInterval <= TimeSpan.FromMinutes(1),
                "Registry:MinCheckInterval must be between 00:00:00.1 and 00:01:00.")
            .Validate(o => o.MaxCheckTimeout >= TimeSpan.FromMilliseconds(100) && o.MaxCheckTimeout <= TimeSpan.FromMinutes(1),
                "Registry:MaxCheckTimeout must be between 00:00:00.1 and 00:01:00.")
            .Validate(o => o.ResyncInterval >= TimeSpan.FromSeconds(1) && o.ResyncInterval <= TimeSpan.FromHours(1),
                "Registry:ResyncInterval must be between 00:00:01 and 01:00:00.")
            .Validate(o => o.MaxWait >= TimeSpan.FromSeconds(1) && o.MaxWait <= TimeSpan.FromMinutes(10),
                "Registry:MaxWait must be between 00:00:01 and 00:10:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRegistryStore, NoRegistryStore>();
        services.TryAddSingleton<CheckTargetGuard>();
        services.TryAddSingleton<InstanceChecks>();
        services.TryAddSingleton<RegistrationRules>();
        services.TryAddSingleton<RegistrySnapshots>();
        services.AddHostedService(sp => new SnapshotFollower(
            sp.GetRequiredService<IRegistryStore>(), sp.GetRequiredService<RegistrySnapshots>(),
            () => sp.GetRequiredService<IOptions<RegistryOptions>>().Value.ResyncInterval, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
