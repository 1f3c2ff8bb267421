namespace ConfigCluster.Grains.Tests.Support;

internal static class TestChanges
{
    public static ConfigChange Of(string value, bool? isEncrypted = null) =>
        new(value, isEncrypted, new ChangeContext("test", Guid.NewGuid().ToString("N")));

    public static ChangeContext Context => new("test", Guid.NewGuid().ToString("N"));

    public static ConfigAddress NewAddress(string key = "key") => new($"env-{Guid.NewGuid():N}"[..20], "svc", key);
}
