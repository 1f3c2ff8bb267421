using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres.Internal;

/// <summary>
/// Fills <see cref="PostgresOptions"/> from the <c>Postgres</c> section, then the connection string from
/// <c>ConnectionStrings:Postgres</c>, which wins. Without a registered <see cref="IConfiguration"/>, the
/// process environment's <c>ConnectionStrings__Postgres</c> is read.
/// </summary>
internal sealed class PostgresOptionsSetup(IServiceProvider services) : IConfigureOptions<PostgresOptions>
{
    private const string EnvironmentVariable = "ConnectionStrings__" + PostgresOptions.ConnectionStringName;

    public void Configure(PostgresOptions options)
    {
        var configuration = services.GetService<IConfiguration>();
        if (configuration is null)
        {
            options.ConnectionString = NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable)) ?? options.ConnectionString;
            return;
        }

        configuration.GetSection(PostgresOptions.SectionName).Bind(options);
        options.ConnectionString = NonEmpty(configuration.GetConnectionString(PostgresOptions.ConnectionStringName)) ?? options.ConnectionString;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
