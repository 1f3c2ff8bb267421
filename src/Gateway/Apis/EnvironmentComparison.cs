using System.Security.Cryptography;
using System.Text;
using ConfigCluster.Gateway.Json;

namespace ConfigCluster.Gateway.Apis;

/// <summary>
/// Compares the configs of two environments key by key. An encrypted value is compared only when the caller may
/// reveal it on both sides; otherwise the key is "not compared", unless the flags alone already differ.
/// </summary>
internal static class EnvironmentComparison
{
    public const string NeedsReveal = "encrypted: comparing the values needs reveal in both environments";

    public static EnvironmentCompareResponse Compare(
        string from, string to, string? serviceName, IReadOnlyList<ConfigEntry> fromConfigs, IReadOnlyList<ConfigEntry> toConfigs,
        Func<ConfigAddress, bool> mayReveal)
    {
        var toByKey = toConfigs.ToDictionary(c => (c.Address.ServiceName, c.Address.Key));
        var fromKeys = fromConfigs.Select(c => (c.Address.ServiceName, c.Address.Key)).ToHashSet();
        var (different, equal, notCompared) = (new List<EnvironmentDifference>(), new List<EnvironmentKey>(), new List<EnvironmentNotCompared>());
        foreach (var source in fromConfigs)
        {
            if (!toByKey.TryGetValue((source.Address.ServiceName, source.Address.Key), out var target))
            {
                continue;
            }

            var (service, key) = (source.Address.ServiceName, source.Address.Key);
            var (fromVisible, toVisible) = (Visible(source, mayReveal), Visible(target, mayReveal));
            if (source.IsEncrypted != target.IsEncrypted || (fromVisible && toVisible && source.Value != target.Value))
            {
                different.Add(new(service, key, Side(source, fromVisible), Side(target, toVisible)));
            }
            else if (fromVisible && toVisible)
            {
                equal.Add(new(service, key));
            }
            else
            {
                notCompared.Add(new(service, key, NeedsReveal));
            }
        }

        return new(from, to, serviceName,
            OnlyIn(fromConfigs, c => !toByKey.ContainsKey(c)),
            OnlyIn(toConfigs, c => !fromKeys.Contains(c)),
            different, equal, notCompared);
    }

    /// <summary>The first 16 hex digits (64 bits) of the SHA-256 of the value's UTF-8 bytes.</summary>
    public static string HashOf(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];

    private static bool Visible(ConfigEntry config, Func<ConfigAddress, bool> mayReveal) => !config.IsEncrypted || mayReveal(config.Address);

    private static EnvironmentSide Side(ConfigEntry config, bool visible) => new(config.IsEncrypted, visible ? HashOf(config.Value) : null);

    private static List<EnvironmentKey> OnlyIn(IReadOnlyList<ConfigEntry> configs, Func<(string, string), bool> missingOnTheOtherSide) =>
        configs.Where(c => missingOnTheOtherSide((c.Address.ServiceName, c.Address.Key)))
            .Select(c => new EnvironmentKey(c.Address.ServiceName, c.Address.Key)).ToList();
}
