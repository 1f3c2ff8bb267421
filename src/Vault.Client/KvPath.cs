using ConfigCluster.Vault.Client.Internal;

namespace ConfigCluster.Vault.Client;

/// <summary>
/// A key or folder below a KV mount, built from validated segments (vault-kv-contract §3.12). The wire form
/// (<see cref="ToString"/>) escapes each segment with <see cref="Uri.EscapeDataString(string)"/> and joins
/// them with <c>/</c>. Validation runs on the caller's segments, never on a <see cref="Uri"/>, because
/// <see cref="Uri"/> silently drops <c>.</c>/<c>..</c> segments. <c>default(KvPath)</c> is <see cref="Root"/>.
/// </summary>
public readonly record struct KvPath
{
    private readonly string[]? _segments;
    private readonly string? _escaped;

    private KvPath(string[] segments)
    {
        _segments = segments;
        _escaped = string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    /// <summary>The mount root (no segments); valid for listing only.</summary>
    public static KvPath Root => default;

    /// <summary>The unescaped segments, in order.</summary>
    public IReadOnlyList<string> Segments => _segments ?? [];

    public bool IsRoot => _segments is null || _segments.Length == 0;

    /// <summary>Builds a path; throws <see cref="ArgumentException"/> on an invalid segment (a caller bug).</summary>
    public static KvPath Create(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (!TryCreate(segments, out var path, out var problem))
        {
            throw new ArgumentException($"Invalid Vault path: {problem}.", nameof(segments));
        }

        return path;
    }

    /// <summary>Builds a path, or explains why the segments are not acceptable. No segments gives <see cref="Root"/>.</summary>
    public static bool TryCreate(IReadOnlyList<string> segments, out KvPath path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(segments);
        path = default;
        var copy = new string[segments.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            problem = PathSegmentRules.Check(segments[i], i);
            if (problem is not null)
            {
                return false;
            }

            copy[i] = segments[i];
        }

        problem = null;
        path = copy.Length == 0 ? default : new KvPath(copy);
        return true;
    }

    /// <summary>Parses a <c>/</c>-separated, unescaped path such as <c>app/db</c>; empty gives <see cref="Root"/>.</summary>
    public static bool TryParse(string? text, out KvPath path, out string? problem)
    {
        if (string.IsNullOrEmpty(text))
        {
            path = default;
            problem = null;
            return true;
        }

        return TryCreate(text.Split('/'), out path, out problem);
    }

    /// <summary>Parses a <c>/</c>-separated, unescaped path; throws <see cref="ArgumentException"/> when invalid.</summary>
    public static KvPath Parse(string text)
    {
        if (!TryParse(text, out var path, out var problem))
        {
            throw new ArgumentException($"Invalid Vault path: {problem}.", nameof(text));
        }

        return path;
    }

    /// <summary>This path with one more segment.</summary>
    public KvPath Append(string segment) => Create([.. Segments, segment]);

    public bool Equals(KvPath other) => Segments.SequenceEqual(other.Segments, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in Segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The escaped wire form, e.g. <c>app/db%20password</c>; empty for the root.</summary>
    public override string ToString() => _escaped ?? string.Empty;
}
