using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Config;

public sealed class ConfigGrainOptionsValidator : IValidateOptions<ConfigGrainOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigGrainOptions options)
    {
        var failures = new List<string>();
        if (options.MaxVersions is < 1 or > 10_000)
        {
            failures.Add($"{ConfigGrainOptions.SectionName}:MaxVersions must be between 1 and 10000.");
        }

        if (options.CacheTtl < TimeSpan.Zero || options.CacheTtl > TimeSpan.FromHours(1))
        {
            failures.Add($"{ConfigGrainOptions.SectionName}:CacheTtl must be between 0 and 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
