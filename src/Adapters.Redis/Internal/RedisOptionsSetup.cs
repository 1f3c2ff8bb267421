using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Redis.Internal;

/// <summary>
/// Fills <see cref="RedisOptions"/> from the <c>Redis</c> section, then from <c>ConnectionStrings:Redis</c>, which wins.
/// Does nothing when no <see cref="IConfiguration"/> is registered (options then come from code alone).
/// </summary>
internal sealed class RedisOptionsSetup(IServiceProvider services) : IConfigureOptions<RedisOptions>
{
    public void Configure(RedisOptions options)
    {
        if (services.GetService<IConfiguration>() is not { } configuration)
        {
            return;
        }

        configuration.GetSection(RedisOptions.SectionName).Bind(options);
        if (configuration.GetConnectionString(RedisOptions.ConnectionStringName) is { } connectionString
            && !string.IsNullOrWhiteSpace(connectionString))
        {
            options.ConnectionString = connectionString.Trim();
        }
    }
}
