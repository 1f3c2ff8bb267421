namespace ConfigCluster.Grains.LocalReads;

/// <summary>
/// A config's address as three spans of a request (environment, service_name, key): a local read is
/// found by it without building a <see cref="ConfigAddress"/> or its strings.
/// </summary>
internal readonly ref struct ConfigAddressParts(ReadOnlySpan<char> environment, ReadOnlySpan<char> serviceName, ReadOnlySpan<char> key)
{
    public readonly ReadOnlySpan<char> Environment = environment;
    public readonly ReadOnlySpan<char> ServiceName = serviceName;
    public readonly ReadOnlySpan<char> Key = key;

    /// <summary>
    /// Compares addresses as records do (ordinally, part by part) and hashes an address and its parts alike,
    /// so a dictionary keyed by <see cref="ConfigAddress"/> can be searched with parts.
    /// </summary>
    public sealed class Comparer : IEqualityComparer<ConfigAddress>, IAlternateEqualityComparer<ConfigAddressParts, ConfigAddress>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(ConfigAddress? x, ConfigAddress? y) => x == y;

        public int GetHashCode(ConfigAddress address) => Hash(address.Environment, address.ServiceName, address.Key);

        public bool Equals(ConfigAddressParts parts, ConfigAddress address) =>
            parts.Environment.SequenceEqual(address.Environment)
            && parts.ServiceName.SequenceEqual(address.ServiceName)
            && parts.Key.SequenceEqual(address.Key);

        public int GetHashCode(ConfigAddressParts parts) => Hash(parts.Environment, parts.ServiceName, parts.Key);

        public ConfigAddress Create(ConfigAddressParts parts) =>
            new(parts.Environment.ToString(), parts.ServiceName.ToString(), parts.Key.ToString());

        // Both kinds of key are hashed from spans, so an address and its parts always hash alike.
        private static int Hash(ReadOnlySpan<char> environment, ReadOnlySpan<char> serviceName, ReadOnlySpan<char> key) =>
            HashCode.Combine(string.GetHashCode(environment), string.GetHashCode(serviceName), string.GetHashCode(key));
    }
}
