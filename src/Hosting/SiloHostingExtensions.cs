using ConfigCluster.Adapters.Vault;
using ConfigCluster.Grains;
using ConfigCluster.Hosting.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace ConfigCluster.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this host a ConfigCluster silo: grains, their adapters, options validated at start,
    /// clustering and readiness. The gateway and the worker silo both start here.
    /// </summary>
    public static IHostApplicationBuilder AddConfigClusterSilo(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterHostingOptions.SectionName).Get<ClusterHostingOptions>() ?? new();
        builder.Services.AddVaultConfigStore();
        builder.Services.AddConfiguredSideEffects(builder.Configuration);
        builder.Services.AddConfigGrains();
        builder.Services.AddSiloHealthChecks();
        builder.Services.AddSiloMetrics();
        builder.Services.AddSiloTracing(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<ShutdownDrain>();
        // The drain comes on top of the time the silo needs to leave the cluster gracefully.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout += cluster.ShutdownDrainDelay);
        builder.Services.AddOptions<ClusterHostingOptions>().BindConfiguration(ClusterHostingOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterHostingOptions>, ClusterHostingOptionsValidator>());

        builder.UseOrleans(silo =>
        {
            silo.UseConfigClusterClustering(cluster, builder.Configuration).UseConfigClusterReminders(cluster, builder.Configuration);
            if (SiloTracing.IsEnabled(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }
        });
        return builder;
    }
}
