namespace ConfigCluster.Gateway.Apis;

/// <summary>Writes and reads an environment file in any <see cref="EnvironmentFormat"/>.</summary>
internal static class EnvironmentFile
{
    public static byte[] Write(EnvironmentFormat format, IReadOnlyList<EnvironmentEntry> entries, string header) => format switch
    {
        EnvironmentFormat.Yaml => EnvironmentYamlFile.Write(entries, header),
        EnvironmentFormat.Dotenv => EnvironmentDotenvFile.Write(entries, header),
        _ => EnvironmentJsonFile.Write(entries),
    };

    /// <summary>
    /// The entries of <paramref name="text"/>, or null and why it is malformed. A dotenv file holds one service,
    /// <paramref name="serviceName"/>; a JSON or YAML file names its services.
    /// </summary>
    public static IReadOnlyList<EnvironmentEntry>? Read(EnvironmentFormat format, string text, string? serviceName, out string? error) => format switch
    {
        EnvironmentFormat.Yaml => EnvironmentYamlFile.Read(text, out error),
        EnvironmentFormat.Dotenv => EnvironmentDotenvFile.Read(text, serviceName!, out error),
        _ => EnvironmentJsonFile.Read(text, out error),
    };
}
