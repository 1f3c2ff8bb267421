namespace ConfigCluster.DevVault.AuthMethods;

/// <summary>policyutil.SanitizePolicies: lower-cased, trimmed, without blanks and duplicates, sorted; "root" alone wins.</summary>
internal static class PolicyNames
{
    public const string Default = "default";
    public const string Root = "root";

    public static IReadOnlyList<string> Sanitize(IEnumerable<string> policies, bool addDefault)
    {
        List<string> names = [.. policies.Select(policy => policy.Trim().ToLowerInvariant()).Where(policy => policy.Length > 0)];
        if (names.Contains(Root))
        {
            return [Root];
        }

        if (addDefault && !names.Contains(Default))
        {
            names.Add(Default);
        }

        return [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
