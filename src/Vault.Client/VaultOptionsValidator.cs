using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client;

/// <summary>Checks <see cref="VaultOptions"/> at start-up. Messages name the setting, never the token.</summary>
public sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems = [AddressProblem(options), TokenProblem(options), MountProblem(options), OtherProblem(options)];
        var failures = problems.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? AddressProblem(VaultOptions options) =>
        options.Address is { IsAbsoluteUri: true } address && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            ? null
            : "Vault:Address (VAULT_ADDR) must be an absolute http or https URI.";

    private static string? TokenProblem(VaultOptions options) =>
        string.IsNullOrWhiteSpace(options.Token) ? "Vault:Token (VAULT_TOKEN) must be set."
        : options.Token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "Vault:Token (VAULT_TOKEN) contains whitespace or control characters."
        : null;

    private static string? MountProblem(VaultOptions options) =>
        VaultMountPoint.TryEscape(options.MountPoint, out _, out var problem) ? null : $"Vault:MountPoint (VAULT_MOUNT_POINT): {problem}.";

    private static string? OtherProblem(VaultOptions options)
    {
        List<string> problems = [];
        if (options.KvVersion is not (1 or 2))
        {
            problems.Add("Vault:KvVersion (VAULT_KV_VERSION) must be 1 or 2.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            problems.Add("Vault:Timeout must be greater than zero and at most one hour.");
        }

        if (options.Namespace is { } ns && ns.Any(char.IsControl))
        {
            problems.Add("Vault:Namespace (VAULT_NAMESPACE) contains control characters.");
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }
}
