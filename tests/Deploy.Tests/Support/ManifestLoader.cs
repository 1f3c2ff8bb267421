using System.Text.RegularExpressions;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>
/// Loads YAML documents as typed Kubernetes objects with <see cref="KubernetesYaml"/>, strictly: an unknown
/// field or a duplicate key fails, and so does a kind missing from <see cref="ManifestKinds"/>.
/// </summary>
internal static partial class ManifestLoader
{
    public static IReadOnlyList<Manifest> Load(string yaml, string source)
    {
        var manifests = new List<Manifest>();
        foreach (var document in DocumentSeparator().Split(yaml).Where(HasContent))
        {
            var header = KubernetesYaml.Deserialize<KubernetesObject>(document);
            var kind = $"{header?.ApiVersion}/{header?.Kind}";
            if (!ManifestKinds.Types.TryGetValue(kind, out var type))
            {
                throw new InvalidDataException(
                    $"{source}: unknown kind '{kind}'. The deploy tests know only {string.Join(", ", ManifestKinds.Types.Keys)}.");
            }

            var loaded = Deserialize(document, source, kind);
            if (loaded is not IKubernetesObject<V1ObjectMeta> typed || loaded.GetType() != type)
            {
                throw new InvalidDataException($"{source}: '{kind}' loaded as {loaded?.GetType().Name}, not {type.Name}.");
            }

            if (string.IsNullOrEmpty(typed.Metadata?.Name))
            {
                throw new InvalidDataException($"{source}: a {kind} without metadata.name.");
            }

            manifests.Add(new Manifest(source, typed));
        }

        return manifests;
    }

    private static object? Deserialize(string document, string source, string kind)
    {
        try
        {
            return KubernetesYaml.LoadAllFromString(document, ManifestKinds.Types.ToDictionary(), strict: true).Single();
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new InvalidDataException($"{source}: the {kind} is not a valid typed object: {exception.Message} {exception.InnerException?.Message}", exception);
        }
    }

    private static bool HasContent(string document) =>
        document.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith('#'));

    [GeneratedRegex(@"^---[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();
}
