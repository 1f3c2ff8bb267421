namespace ConfigCluster.Grains.Interfaces.Config;

/// <summary>
/// Where a config lives: environment / service / key. Each part is already validated
/// (see <see cref="ConfigName"/>); construct one with <see cref="TryCreate"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ConfigCluster.ConfigAddress")]
public sealed record ConfigAddress(
    [property: Id(0)] string Environment,
    [property: Id(1)] string ServiceName,
    [property: Id(2)] string Key)
{
    /// <summary>The grain key and the Vault path below the mount: <c>{environment}/{service_name}/{key}</c>.</summary>
    public string Path => $"{Environment}/{ServiceName}/{Key}";

    public override string ToString() => Path;

    public static ConfigAddress Parse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length != 3 || TryCreate(parts[0], parts[1], parts[2], out var address) is not null)
        {
            throw new FormatException($"'{path}' is not an environment/service_name/key path.");
        }

        return address!;
    }

    /// <summary>Returns null and the address when all three names are valid, else the first problem.</summary>
    public static NameProblem? TryCreate(string? environment, string? serviceName, string? key, out ConfigAddress? address)
    {
        address = null;
        var problem = ConfigName.Check("environment", environment)
            ?? ConfigName.Check("service_name", serviceName)
            ?? ConfigName.Check("key", key);
        if (problem is null)
        {
            address = new ConfigAddress(environment!, serviceName!, key!);
        }

        return problem;
    }
}
