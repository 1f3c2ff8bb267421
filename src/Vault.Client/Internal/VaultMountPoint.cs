namespace ConfigCluster.Vault.Client.Internal;

/// <summary>A mount such as <c>secret</c> or <c>team/kv</c>: surrounding slashes dropped, segments checked like keys.</summary>
internal static class VaultMountPoint
{
    public static bool TryEscape(string? mountPoint, out string escaped, out string? problem)
    {
        escaped = string.Empty;
        var trimmed = mountPoint?.Trim('/');
        if (string.IsNullOrEmpty(trimmed))
        {
            problem = "the mount point is empty";
            return false;
        }

        if (!KvPath.TryParse(trimmed, out var path, out problem))
        {
            problem = $"the mount point is invalid: {problem}";
            return false;
        }

        escaped = path.ToString();
        return true;
    }

    public static string Escape(string? mountPoint) =>
        TryEscape(mountPoint, out var escaped, out var problem) ? escaped : throw new ArgumentException(problem, nameof(mountPoint));
}
