using System.Text.Json;

namespace ConfigCluster.Vault.Client.Internal;

/// <summary>
/// The login call of <see cref="VaultAuthOptions.Method"/>: <c>POST auth/{mount}/login</c> with
/// <c>{"role_id","secret_id"}</c> (AppRole) or <c>{"role","jwt"}</c> (Kubernetes). Secret-id and JWT files are read
/// at every login, so a rotated one is used. Vault's refusal is described without any credential in it.
/// </summary>
internal sealed class VaultLogin(VaultAuthOptions options)
{
    public string Path => $"auth/{VaultMountPoint.Escape(options.EffectiveMountPath)}/login";

    /// <summary>The request, or the reason it cannot be made (an unreadable credential file).</summary>
    public (VaultRequest? Request, string? Problem) Build()
    {
        try
        {
            var body = options.Method == VaultAuthMethod.Kubernetes
                ? VaultJsonBodies.Strings(("role", options.Role), ("jwt", ReadFile(options.JwtFile, "VAULT_KUBERNETES_JWT_FILE")))
                : VaultJsonBodies.Strings(("role_id", options.RoleId), ("secret_id", SecretId()));
            return (VaultRequest.Post(Path, body) with { Authenticated = false }, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The <c>auth</c> block of a successful login.</summary>
    public static bool TryParse(VaultResponse response, long startedAt, out VaultLease lease)
    {
        lease = null!;
        if (!response.TryGetJson(out var root) || !VaultEnvelope.TryGetAuth(root, out var auth)
            || auth.GetStringOrEmpty("client_token") is not { Length: > 0 } token)
        {
            return false;
        }

        var seconds = auth.GetInt64OrDefault("lease_duration");
        lease = new VaultLease(token, seconds, auth.GetBooleanOrDefault("renewable"), seconds, startedAt);
        return true;
    }

    /// <summary>Vault's reason for a refused login, with every credential of ours cut out of it.</summary>
    public string DescribeRefusal(int? status, string error)
    {
        var text = error;
        foreach (var secret in Credentials())
        {
            text = text.Replace(secret, "(redacted)", StringComparison.Ordinal);
        }

        return $"{options.MethodName} login at {Path} refused ({status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}): {text}";
    }

    public string DescribeUnavailable(string error) => $"{options.MethodName} login at {Path}: Vault unavailable ({error})";

    public string DescribeUnreadable(string error) => $"{options.MethodName} login: cannot read the credential: {error}";

    private IEnumerable<string> Credentials()
    {
        string?[] values = [options.RoleId, options.SecretId];
        foreach (var value in values.OfType<string>().Where(v => v.Length >= 4))
        {
            yield return value;
        }
    }

    private string? SecretId() =>
        options.SecretIdFile is { Length: > 0 } file ? ReadFile(file, "VAULT_SECRET_ID_FILE") : options.SecretId;

    private static string ReadFile(string path, string setting)
    {
        var content = File.ReadAllText(path).Trim();
        return content.Length > 0 ? content : throw new IOException($"{setting}: the file {path} is empty");
    }
}
