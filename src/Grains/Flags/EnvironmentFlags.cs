using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConfigCluster.Grains.Interfaces.Flags;

namespace ConfigCluster.Grains.Flags;

/// <summary>
/// The flags of one environment as a silo holds them: immutable, swapped whole on every change, so an evaluation
/// reads one consistent set without a lock. <see cref="ETag"/> changes whenever any flag does (a hash of each
/// flag's key, version and time of change).
/// </summary>
public sealed class EnvironmentFlags
{
    private EnvironmentFlags(string environment, FrozenDictionary<string, FlagDefinition> byKey)
    {
        Environment = environment;
        ByKey = byKey;
        Ordered = [.. byKey.Values.OrderBy(f => f.Key, StringComparer.Ordinal)];
        ETag = HashOf(Ordered);
    }

    public string Environment { get; }

    public FrozenDictionary<string, FlagDefinition> ByKey { get; }

    /// <summary>Every flag, by key in ordinal order.</summary>
    public IReadOnlyList<FlagDefinition> Ordered { get; }

    public string ETag { get; }

    public static EnvironmentFlags Of(string environment, IEnumerable<FlagDefinition> flags) =>
        new(environment, flags.ToFrozenDictionary(f => f.Key, StringComparer.Ordinal));

    public FlagDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>This set with <paramref name="flag"/> in it, or this very set when it already holds that flag or a newer one.</summary>
    public EnvironmentFlags With(FlagDefinition flag)
    {
        if (ByKey.TryGetValue(flag.Key, out var held) && !IsNewer(flag, held))
        {
            return this;
        }

        var flags = ByKey.ToDictionary(StringComparer.Ordinal);
        flags[flag.Key] = flag;
        return new(Environment, flags.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>This set without the flag <paramref name="key"/>, unless it holds a newer one than the version deleted.</summary>
    public EnvironmentFlags Without(string key, FlagDefinition? deleted = null)
    {
        if (!ByKey.TryGetValue(key, out var held) || (deleted is not null && IsNewer(held, deleted)))
        {
            return this;
        }

        return new(Environment, ByKey.Where(f => f.Key != key).ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>A flag re-created after a delete starts at version 1 again, so creation time decides first.</summary>
    private static bool IsNewer(FlagDefinition candidate, FlagDefinition held) =>
        candidate.CreatedAt != held.CreatedAt ? candidate.CreatedAt > held.CreatedAt : candidate.Version > held.Version;

    private static string HashOf(IReadOnlyList<FlagDefinition> flags)
    {
        var text = new StringBuilder();
        foreach (var flag in flags)
        {
            text.Append(flag.Key).Append(' ').Append(flag.Version.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(flag.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
    }
}
