using ConfigCluster.DevVault.Http;

namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>
/// The auth table: <c>token/</c> always, plus the methods enabled through sys/auth, matched by longest prefix
/// below <c>auth/</c>. Enabling and disabling follow vault/auth.go (its checks and error texts).
/// </summary>
internal sealed class AuthMountTable
{
    public const string RoutePrefix = "auth/";
    private readonly Lock _gate = new();
    private AuthMount[] _mounts = [new AuthMount("token/", "token", "token based credentials", null)];

    /// <summary>Every entry, <c>token/</c> included, sorted by path.</summary>
    public IReadOnlyList<AuthMount> All => [.. Volatile.Read(ref _mounts).OrderBy(mount => mount.Path, StringComparer.Ordinal)];

    public AuthMount? Find(string path) => Array.Find(Volatile.Read(ref _mounts), mount => mount.Path == path);

    /// <summary>The enabled method whose mount contains <paramref name="logicalPath"/> (a path starting with <c>auth/</c>).</summary>
    public AuthMount? Match(string logicalPath)
    {
        if (!logicalPath.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string below = logicalPath[RoutePrefix.Length..];
        return Volatile.Read(ref _mounts)
            .Where(mount => mount.Method is not null && (below.StartsWith(mount.Path, StringComparison.Ordinal) || below + "/" == mount.Path))
            .MaxBy(mount => mount.Path.Length);
    }

    /// <summary>The part of <paramref name="logicalPath"/> below the mount (empty for the mount itself).</summary>
    public static string Relative(AuthMount mount, string logicalPath)
    {
        int start = RoutePrefix.Length + mount.Path.Length;
        return logicalPath.Length >= start ? logicalPath[start..] : "";
    }

    /// <summary>Enables <paramref name="type"/> at <paramref name="path"/> (already sanitized: no leading, one trailing slash).</summary>
    public VaultResponse? Enable(string path, string type, string description)
    {
        if (type == "token")
        {
            return VaultErrors.Of(400, "token credential backend cannot be instantiated");
        }

        if (path == "/")
        {
            return VaultErrors.Of(400, "backend path must be specified");
        }

        lock (_gate)
        {
            if (Array.Find(_mounts, mount => mount.Path.StartsWith(path, StringComparison.Ordinal) || path.StartsWith(mount.Path, StringComparison.Ordinal)) is { } taken)
            {
                return VaultErrors.Of(409, $"path is already in use at {taken.Path}");
            }

            if (AuthMethodCatalog.Create(type) is not { } method)
            {
                return VaultErrors.Of(400, $"plugin not found in the catalog: {type}");
            }

            Volatile.Write(ref _mounts, [.. _mounts, new AuthMount(path, type, description, method)]);
            return null;
        }
    }

    /// <summary>Removes the method at <paramref name="path"/>; false when nothing is mounted there.</summary>
    public bool Disable(string path)
    {
        lock (_gate)
        {
            AuthMount[] remaining = Array.FindAll(_mounts, mount => mount.Path != path);
            if (remaining.Length == _mounts.Length)
            {
                return false;
            }

            Volatile.Write(ref _mounts, remaining);
            return true;
        }
    }
}
