using ConfigCluster.Vault.Client.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Vault.Client;

/// <summary>
/// Checks <see cref="VaultOptions"/> at start-up. Messages name the setting, never the token. Trusting any
/// certificate (<c>VAULT_SKIP_VERIFY</c>) is refused outside the Development environment (the host's, else
/// <c>DOTNET_ENVIRONMENT</c> or <c>ASPNETCORE_ENVIRONMENT</c>; none means Production).
/// </summary>
public sealed class VaultOptionsValidator : IValidateOptions<VaultOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    private readonly string _environment;

    public VaultOptionsValidator()
        : this(null)
    {
    }

    public VaultOptionsValidator(IHostEnvironment? environment) =>
        _environment = environment?.EnvironmentName
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environments.Production;

    public ValidateOptionsResult Validate(string? name, VaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] problems = [AddressProblem(options), TokenProblem(options), MountProblem(options), OtherProblem(options), TlsProblem(options.Tls)];
        var failures = problems.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? AddressProblem(VaultOptions options) =>
        options.Address is { IsAbsoluteUri: true } address && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            ? null
            : "Vault:Address (VAULT_ADDR) must be an absolute http or https URI.";

    private static string? TokenProblem(VaultOptions options) => options.Auth.Method switch
    {
        VaultAuthMethod.AppRole => LoginProblem(options) ?? AppRoleProblem(options.Auth),
        VaultAuthMethod.Kubernetes => LoginProblem(options) ?? KubernetesProblem(options.Auth),
        _ => GivenTokenProblem(options),
    };

    /// <summary>A method that logs in takes no token as well: which one the service used would be a guess.</summary>
    private static string? LoginProblem(VaultOptions options) =>
        !string.IsNullOrWhiteSpace(options.Token) || !string.IsNullOrEmpty(options.TokenFile)
            ? $"Vault:Auth:Method (VAULT_AUTH_METHOD) is {options.Auth.MethodName}, which logs in: unset Vault:Token (VAULT_TOKEN) and Vault:TokenFile (VAULT_TOKEN_FILE)."
            : MountPathProblem(options.Auth);

    private static string? MountPathProblem(VaultAuthOptions auth) =>
        VaultMountPoint.TryEscape(auth.EffectiveMountPath, out _, out var problem) ? null : $"Vault:Auth:MountPath (VAULT_AUTH_MOUNT): {problem}.";

    private static string? AppRoleProblem(VaultAuthOptions auth) =>
        string.IsNullOrWhiteSpace(auth.RoleId) ? "Vault:Auth:RoleId (VAULT_ROLE_ID) must be set for approle login."
        : !string.IsNullOrEmpty(auth.SecretId) && !string.IsNullOrEmpty(auth.SecretIdFile)
            ? "Give Vault:Auth:SecretId (VAULT_SECRET_ID) or Vault:Auth:SecretIdFile (VAULT_SECRET_ID_FILE), not both."
        : !string.IsNullOrEmpty(auth.SecretIdFile) && !File.Exists(auth.SecretIdFile)
            ? $"Vault:Auth:SecretIdFile (VAULT_SECRET_ID_FILE): no file {auth.SecretIdFile}."
        : null;

    private static string? KubernetesProblem(VaultAuthOptions auth) =>
        string.IsNullOrWhiteSpace(auth.Role) ? "Vault:Auth:Role (VAULT_KUBERNETES_ROLE) must be set for kubernetes login."
        : !File.Exists(auth.JwtFile) ? $"Vault:Auth:JwtFile (VAULT_KUBERNETES_JWT_FILE): no file {auth.JwtFile} (is the service-account token mounted?)."
        : null;

    private static string? GivenTokenProblem(VaultOptions options) =>
        !string.IsNullOrEmpty(options.TokenFile)
            ? !string.IsNullOrWhiteSpace(options.Token) ? "Give Vault:Token (VAULT_TOKEN) or Vault:TokenFile (VAULT_TOKEN_FILE), not both."
            : !File.Exists(options.TokenFile) ? $"Vault:TokenFile (VAULT_TOKEN_FILE): no file {options.TokenFile}."
            : null
        : string.IsNullOrWhiteSpace(options.Token) ? "Vault:Token (VAULT_TOKEN) or Vault:TokenFile (VAULT_TOKEN_FILE) must be set (or choose a login with Vault:Auth:Method, VAULT_AUTH_METHOD)."
        : options.Token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "Vault:Token (VAULT_TOKEN) contains whitespace or control characters."
        : null;

    private static string? MountProblem(VaultOptions options) =>
        VaultMountPoint.TryEscape(options.MountPoint, out _, out var problem) ? null : $"Vault:MountPoint (VAULT_MOUNT_POINT): {problem}.";

    private string? TlsProblem(VaultTlsOptions tls)
    {
        List<string> problems = [];
        if (tls.SkipVerify && !string.Equals(_environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Vault:Tls:SkipVerify (VAULT_SKIP_VERIFY) trusts any certificate and is refused in the {_environment} environment; " +
                "give Vault's CA with VAULT_CACERT or VAULT_CAPATH instead.");
        }

        foreach (var (setting, path) in new[] { ("CaCert (VAULT_CACERT)", tls.CaCert), ("ClientCert (VAULT_CLIENT_CERT)", tls.ClientCert), ("ClientKey (VAULT_CLIENT_KEY)", tls.ClientKey) })
        {
            if (!string.IsNullOrEmpty(path) && !File.Exists(path))
            {
                problems.Add($"Vault:Tls:{setting}: no file {path}.");
            }
        }

        if (!string.IsNullOrEmpty(tls.CaPath) && !Directory.Exists(tls.CaPath))
        {
            problems.Add($"Vault:Tls:CaPath (VAULT_CAPATH): no directory {tls.CaPath}.");
        }

        if (string.IsNullOrEmpty(tls.ClientCert) != string.IsNullOrEmpty(tls.ClientKey))
        {
            problems.Add("Vault:Tls:ClientCert (VAULT_CLIENT_CERT) and Vault:Tls:ClientKey (VAULT_CLIENT_KEY) go together: give both or neither.");
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

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
