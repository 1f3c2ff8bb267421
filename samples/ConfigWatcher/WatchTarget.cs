using ConfigCluster.Grains.Interfaces.Config;
using Microsoft.Extensions.Options;

namespace ConfigCluster.ConfigWatcher;

/// <summary>What to watch: <c>Watch:Environment</c>, <c>Watch:ServiceName</c> and, for one config only, <c>Watch:Key</c>.</summary>
public sealed class WatchTarget
{
    public string Environment { get; set; } = "";

    public string ServiceName { get; set; } = "";

    public string? Key { get; set; }

    public string Describe() => Key is null ? $"{Environment}/{ServiceName}" : $"{Environment}/{ServiceName}/{Key}";
}

internal static class WatchTargetRegistration
{
    public static IServiceCollection AddWatchTarget(this IServiceCollection services)
    {
        services.AddOptions<WatchTarget>().BindConfiguration("Watch")
            .Validate(t => ConfigName.IsValid(t.Environment) && ConfigName.IsValid(t.ServiceName) && (t.Key is null || ConfigName.IsValid(t.Key)),
                "Watch:Environment and Watch:ServiceName (and Watch:Key, if set) must be valid config names.")
            .ValidateOnStart();
        return services;
    }
}
