using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Postgres;

/// <summary>Checks <see cref="PostgresOptions"/> at start-up. Messages name the setting, never the connection string.</summary>
public sealed class PostgresOptionsValidator : IValidateOptions<PostgresOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (!PostgresConnectionString.TryParse(options.ConnectionString, out _, out var problem))
        {
            failures.Add($"ConnectionStrings:{PostgresOptions.ConnectionStringName}: {problem}");
        }

        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout > MaxTimeout)
        {
            failures.Add("Postgres:CommandTimeout must be greater than zero and at most ten minutes.");
        }

        if (options.StartupTimeout < TimeSpan.Zero || options.StartupTimeout > MaxTimeout)
        {
            failures.Add("Postgres:StartupTimeout must be between zero and ten minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
