using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// Fills <see cref="VaultOptions"/> from the <c>Vault</c> configuration section, then from the flat variables
/// Vault's own tools use (<c>VAULT_ADDR</c>, <c>VAULT_TOKEN</c> or <c>VAULT_TOKEN_FILE</c>, <c>VAULT_MOUNT_POINT</c>, <c>VAULT_KV_VERSION</c>,
/// <c>VAULT_NAMESPACE</c>, the login ones: <c>VAULT_AUTH_METHOD</c>, <c>VAULT_AUTH_MOUNT</c>, <c>VAULT_ROLE_ID</c>,
/// <c>VAULT_SECRET_ID</c> or <c>VAULT_SECRET_ID_FILE</c>, <c>VAULT_KUBERNETES_ROLE</c>, <c>VAULT_KUBERNETES_JWT_FILE</c>, and the TLS ones: <c>VAULT_CACERT</c>, <c>VAULT_CAPATH</c>, <c>VAULT_CLIENT_CERT</c>,
/// <c>VAULT_CLIENT_KEY</c>, <c>VAULT_TLS_SERVER_NAME</c>, <c>VAULT_SKIP_VERIFY</c>), which win. Flat values come from <see cref="IConfiguration"/> when one is registered
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
        options.TokenFile = Read(read, "VAULT_TOKEN_FILE") ?? options.TokenFile;
        options.MountPoint = Read(read, "VAULT_MOUNT_POINT") ?? options.MountPoint;
        options.Namespace = Read(read, "VAULT_NAMESPACE") ?? options.Namespace;
        var tls = options.Tls;
        tls.CaCert = Read(read, "VAULT_CACERT") ?? tls.CaCert;
        tls.CaPath = Read(read, "VAULT_CAPATH") ?? tls.CaPath;
        tls.ClientCert = Read(read, "VAULT_CLIENT_CERT") ?? tls.ClientCert;
        tls.ClientKey = Read(read, "VAULT_CLIENT_KEY") ?? tls.ClientKey;
        tls.ServerName = Read(read, "VAULT_TLS_SERVER_NAME") ?? tls.ServerName;
        if (Read(read, "VAULT_SKIP_VERIFY") is { } skip)
        {
            // Go's strconv.ParseBool, as Vault's CLI reads it; anything else is refused by validation.
            tls.SkipVerify = skip switch
            {
                "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
                "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
                _ => throw new OptionsValidationException(VaultOptions.SectionName, typeof(VaultOptions),
                    ["VAULT_SKIP_VERIFY must be true or false (1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False)."]),
            };
        }
        ApplyFlatAuth(options.Auth, read);
        if (Read(read, "VAULT_KV_VERSION") is { } version)
        {
            options.KvVersion = int.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        }
    }

    private static void ApplyFlatAuth(VaultAuthOptions auth, Func<string, string?> read)
    {
        if (Read(read, "VAULT_AUTH_METHOD") is { } method)
        {
            auth.Method = method.ToLowerInvariant() switch
            {
                "token" => VaultAuthMethod.Token,
                "approle" => VaultAuthMethod.AppRole,
                "kubernetes" => VaultAuthMethod.Kubernetes,
                _ => throw new OptionsValidationException(VaultOptions.SectionName, typeof(VaultOptions),
                    ["VAULT_AUTH_METHOD must be token, approle or kubernetes."]),
            };
        }

        auth.MountPath = Read(read, "VAULT_AUTH_MOUNT") ?? auth.MountPath;
        auth.RoleId = Read(read, "VAULT_ROLE_ID") ?? auth.RoleId;
        auth.SecretId = Read(read, "VAULT_SECRET_ID") ?? auth.SecretId;
        auth.SecretIdFile = Read(read, "VAULT_SECRET_ID_FILE") ?? auth.SecretIdFile;
        auth.Role = Read(read, "VAULT_KUBERNETES_ROLE") ?? auth.Role;
        auth.JwtFile = Read(read, "VAULT_KUBERNETES_JWT_FILE") ?? auth.JwtFile;
    }

    private static string? Read(Func<string, string?> read, string key) =>
        read(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
