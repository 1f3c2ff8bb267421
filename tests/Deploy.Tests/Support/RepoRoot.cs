namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>The checkout these tests read: the directory above the test binaries that holds ConfigCluster.sln.</summary>
internal static class RepoRoot
{
    private const string SolutionFile = "ConfigCluster.sln";
    private static readonly Lazy<string> Root = new(Find);

    public static string Directory => Root.Value;

    /// <summary>An absolute path from a repository-relative one written with forward slashes.</summary>
    public static string PathOf(string relative) =>
        Path.GetFullPath(Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>The repository-relative form (forward slashes) of an absolute path inside the checkout.</summary>
    public static string RelativeOf(string absolute) => Path.GetRelativePath(Directory, absolute).Replace('\\', '/');

    public static string ReadText(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} does not exist in {Directory}.");
        return File.ReadAllText(path);
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}: the deploy tests must run from a checkout.");
    }
}
