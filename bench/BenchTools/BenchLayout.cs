namespace ConfigCluster.BenchTools;

/// <summary>
/// The configs a run works on; bench/wrk/bench.lua names them the same way. Config <c>i</c> of
/// <see cref="Configs"/> is key <c>key-{i:D5}</c> of service <c>svc-{(i / 2) % Services:D3}</c> in
/// environment <c>bench</c>: even <c>i</c> plain, odd <c>i</c> encrypted, so every service holds both.
/// </summary>
internal sealed record BenchLayout(int Configs, int Services)
{
    public const string Environment = "bench";

    public ConfigAddress Address(int i) => new(Environment, ServiceName((i / 2) % Services), $"key-{i:D5}");

    public static string ServiceName(int service) => $"svc-{service:D3}";

    public static bool IsEncrypted(int i) => i % 2 == 1;

    /// <summary>A 64-character value, like a connection string or a feature flag's payload.</summary>
    public static string SeedValue(int i) => $"seed-{i:D5}-".PadRight(64, 'v');

    /// <summary>The configs of one service, plain and encrypted alternating.</summary>
    public IEnumerable<int> OfService(int service) =>
        Enumerable.Range(0, Configs).Where(i => (i / 2) % Services == service);
}
