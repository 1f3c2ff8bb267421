using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Fills <see cref="VaultOptions"/> from the <c>Vault</c> configuration section, then from the flat variables
/// Vault's own tools use (<c>VAULT_ADDR</c>, <c>VAULT_TOKEN</c>, <c>VAULT_MOUNT_POINT</c>, <c>VAULT_KV_VERSION</c>,
/// <c>VAULT_NAMESPACE</c>), which win. Flat values come from <see cref="IConfiguration"/> when one is registered
/// (the host's environment provider exposes them), else straight from the process environment.
/// </summary>
internal sealed class VaultOptionsSetup(IServiceProvider services) : IConfigureOptions<VaultOptions>
{
    public void Configure(VaultOptions options)
    {
        var configuration = services.GetService<IConfiguration>();
        if (configuration is null)
        {
            ApplyFlat(options, Environment.GetEnvironmentVariable);
            return;
        }

        configuration.GetSection(VaultOptions.SectionName).Bind(options);
        ApplyFlat(options, key => configuration[key]);
    }

    internal static void ApplyFlat(VaultOptions options, Func<string, string?> read)
    {
        if (Read(read, "VAULT_ADDR") is { } address)
        {
            // An unparsable address is kept as a relative URI so that validation reports it.
            options.Address = Uri.TryCreate(address, UriKind.RelativeOrAbsolute, out var uri) ? uri : new Uri("invalid", UriKind.Relative);
        }

        options.Token = Read(read, "VAULT_TOKEN") ?? options.Token;
        options.MountPoint = Read(read, "VAULT_MOUNT_POINT") ?? options.MountPoint;
        options.Namespace = Read(read, "VAULT_NAMESPACE") ?? options.Namespace;
        if (Read(read, "VAULT_KV_VERSION") is { } version)
        {
            options.KvVersion = int.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        }
    }

    private static string? Read(Func<string, string?> read, string key) =>
        read(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
