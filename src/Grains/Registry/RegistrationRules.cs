using System.Net;
using ConfigCluster.Grains.Interfaces.Registry;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Registry;

/// <summary>
/// What a registration must be, beyond its JSON shape: bounded names, tags, metadata and weight; a check whose
/// durations and thresholds are within the silo's limits, whose path stays on the instance's own address and port;
/// and, for an HTTP or TCP check, an address that <see cref="CheckTargetGuard"/> lets checks reach. Each problem
/// names its field; no value is echoed.
/// </summary>
public sealed class RegistrationRules(CheckTargetGuard guard, IOptions<RegistryOptions> options)
{
    public const int MaxTags = 64;
    public const int MaxTagLength = 128;
    public const int MaxMetadata = 64;
    public const int MaxMetadataKeyLength = 128;
    public const int MaxMetadataValueLength = 512;
    public const int MaxAddressLength = 253;
    public const int MaxPathLength = 1024;
    public const int MaxWeight = 10_000;
    public const int MaxThreshold = 100;
    public const int MaxOutputLength = 1024;

    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxTtl = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinDeregister = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDeregister = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<RegistryProblem>> CheckAsync(InstanceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        List<RegistryProblem> problems = [];
        var limits = options.Value;
        CheckAddress(registration.Address, problems);
        Add(problems, registration.Port is < 1 or > 65535, "port", "'port' must be from 1 to 65535.");
        Add(problems, registration.Scheme is not ("http" or "https"), "scheme", "'scheme' must be 'http' or 'https'.");
        Add(problems, registration.Weight is < 0 or > MaxWeight, "weight", $"'weight' must be from 0 to {MaxWeight}.");
        CheckTags(registration.Tags, problems);
        CheckMetadata(registration.Metadata, problems);
        Add(problems, registration.DeregisterCriticalAfter < MinDeregister || registration.DeregisterCriticalAfter > MaxDeregister,
            "deregister_critical_after", "'deregister_critical_after' must be from 1s to 720h.");
        CheckCheck(registration, limits, problems);
        if (problems.Count == 0 && registration.Check.Type != RegistryCheckType.Ttl)
        {
            var (_, refusal) = await guard.ResolveAsync(registration.Address, cancellationToken);
            Add(problems, refusal is not null, "address", $"The instance's health check may not reach this address: {refusal}");
        }

        return problems;
    }

    private static void CheckAddress(string address, List<RegistryProblem> problems)
    {
        var valid = address.Length is > 0 and <= MaxAddressLength &&
                    (IPAddress.TryParse(address, out _) || Uri.CheckHostName(address) == UriHostNameType.Dns);
        Add(problems, !valid, "address", $"'address' must be an IP address or a DNS name of at most {MaxAddressLength} characters.");
    }

    private static void CheckTags(IReadOnlyList<string> tags, List<RegistryProblem> problems)
    {
        Add(problems, tags.Count > MaxTags, "tags", $"'tags' may hold at most {MaxTags} tags.");
        Add(problems, tags.Any(t => t.Length is 0 or > MaxTagLength || t.Any(char.IsControl)), "tags",
            $"Each tag must be 1 to {MaxTagLength} characters, without control characters.");
        Add(problems, tags.Distinct(StringComparer.Ordinal).Count() != tags.Count, "tags", "'tags' must not repeat a tag.");
    }

    private static void CheckMetadata(IReadOnlyDictionary<string, string> metadata, List<RegistryProblem> problems)
    {
        Add(problems, metadata.Count > MaxMetadata, "metadata", $"'metadata' may hold at most {MaxMetadata} entries.");
        Add(problems, metadata.Keys.Any(k => k.Length is 0 or > MaxMetadataKeyLength || k.Any(char.IsControl)), "metadata",
            $"Each metadata key must be 1 to {MaxMetadataKeyLength} characters, without control characters.");
        Add(problems, metadata.Values.Any(v => v.Length > MaxMetadataValueLength), "metadata",
            $"Each metadata value must be at most {MaxMetadataValueLength} characters.");
    }

    private static void CheckCheck(InstanceRegistration registration, RegistryOptions limits, List<RegistryProblem> problems)
    {
        var check = registration.Check;
        var minimum = RegistryDuration.Format(limits.MinCheckInterval);
        if (check.Type == RegistryCheckType.Ttl)
        {
            Add(problems, check.Ttl is not { } ttl || ttl < limits.MinCheckInterval || ttl > MaxTtl, "check.ttl",
                $"A ttl check needs 'ttl', from {minimum} to 24h.");
            Add(problems, check.Path is not null || check.Interval is not null || check.Timeout is not null || check.ExpectedStatuses is not null,
                "check", "A ttl check has only 'ttl' (and the thresholds).");
            return;
        }

        Add(problems, check.Ttl is not null, "check.ttl", "Only a ttl check has 'ttl'.");
        Add(problems, check.Interval is not { } interval || interval < limits.MinCheckInterval || interval > MaxInterval, "check.interval",
            $"An {RegistryCheckJson.TypeText(check.Type)} check needs 'interval', from {minimum} to 1h.");
        Add(problems, check.Timeout is not { } timeout || timeout <= TimeSpan.Zero || timeout > limits.MaxCheckTimeout ||
                      (check.Interval is { } i && timeout > i), "check.timeout",
            $"'timeout' must be more than 0, at most {RegistryDuration.Format(limits.MaxCheckTimeout)} and at most the interval.");
        Add(problems, check.SuccessBeforePassing is < 1 or > MaxThreshold, "check.success_before_passing",
            $"'success_before_passing' must be from 1 to {MaxThreshold}.");
        Add(problems, check.FailuresBeforeCritical is < 1 or > MaxThreshold, "check.failures_before_critical",
            $"'failures_before_critical' must be from 1 to {MaxThreshold}.");
        if (check.Type == RegistryCheckType.Tcp)
        {
            Add(problems, check.Path is not null || check.ExpectedStatuses is not null, "check", "A tcp check has no 'path' and no 'expected_statuses'.");
            return;
        }

        Add(problems, check.ExpectedStatuses is { } statuses && (statuses.Count is 0 or > 16 || statuses.Any(s => s is < 100 or > 599)),
            "check.expected_statuses", "'expected_statuses' must list 1 to 16 HTTP statuses (100 to 599).");
        Add(problems, !StaysOnInstance(registration), "check.path",
            $"An http check needs 'path': an absolute path on the instance itself ('/health'), at most {MaxPathLength} characters; it cannot name another host or port.");
    }

    /// <summary>True when the check's URL is the path on the instance's own scheme, address and port.</summary>
    private static bool StaysOnInstance(InstanceRegistration registration)
    {
        var path = registration.Check.Path;
        if (path is null || path.Length > MaxPathLength || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) ||
            path.Any(c => c is '\\' or '#' || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return false;
        }

        if (Uri.CheckHostName(registration.Address) == UriHostNameType.Unknown && !IPAddress.TryParse(registration.Address, out _))
        {
            return true; // the address itself is refused on its own
        }

        var root = new UriBuilder(registration.Scheme is "https" ? "https" : "http", registration.Address, Math.Clamp(registration.Port, 1, 65535)).Uri;
        return Uri.TryCreate(root, path, out var target) && target.Host == root.Host && target.Port == root.Port && target.Scheme == root.Scheme;
    }

    private static void Add(List<RegistryProblem> problems, bool failed, string field, string message)
    {
        if (failed)
        {
            problems.Add(new RegistryProblem(field, message));
        }
    }
}
