using ConfigCluster.Adapters.Redis.Internal;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Redis;

/// <summary>Checks <see cref="RedisOptions"/> at start-up. Messages name the setting, never the connection string.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    private static readonly TimeSpan MaxOperationTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems = [ConnectionProblem(options), PrefixProblem(options), TimeoutProblem(options)];
        var failures = problems.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ConnectionProblem(RedisOptions options) =>
        RedisConnectionString.TryParse(options.ConnectionString, out _, out var problem)
            ? null
            : $"ConnectionStrings:{RedisOptions.ConnectionStringName} (or Redis:ConnectionString) {problem}.";

    private static string? PrefixProblem(RedisOptions options) =>
        string.IsNullOrEmpty(options.KeyPrefix) ? "Redis:KeyPrefix must not be empty."
        : options.KeyPrefix.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "Redis:KeyPrefix contains whitespace or control characters."
        : options.KeyPrefix.Length > 256 ? "Redis:KeyPrefix is longer than 256 characters."
        : null;

    private static string? TimeoutProblem(RedisOptions options)
    {
        List<string> problems = [];
        if (options.OperationTimeout <= TimeSpan.Zero || options.OperationTimeout > MaxOperationTimeout)
        {
            problems.Add("Redis:OperationTimeout must be greater than zero and at most 30 seconds.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > MaxConnectTimeout)
        {
            problems.Add("Redis:ConnectTimeout must be greater than zero and at most one minute.");
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }
}
