using System.Diagnostics;

namespace ConfigCluster.Deploy.Tests.Support;

/// <summary>Runs <c>kubectl kustomize</c>: the rendering <c>kubectl apply -k</c> would send to a cluster.</summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<ManifestSet> RenderedSet = new(() => ManifestSet.FromRendering(Kustomize(DeployPaths.K8sDirectory)));

    /// <summary>The objects <c>kubectl kustomize deploy/k8s</c> renders, loaded strictly as typed objects.</summary>
    public static ManifestSet Rendered => RenderedSet.Value;

    public static string Kustomize(string relativeDirectory)
    {
        var kubectl = FindOnPath("kubectl") ?? throw new InvalidOperationException(
            "kubectl is not installed (not found on PATH). The deploy tests render deploy/k8s with `kubectl kustomize`; " +
            "install the Debian package kubectl (./test.sh installs it).");
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Directory,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(RepoRoot.PathOf(relativeDirectory));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {kubectl}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl kustomize {relativeDirectory} did not finish within {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"kubectl kustomize {relativeDirectory} failed with exit code {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
