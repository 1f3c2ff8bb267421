using System.Text;

namespace ConfigCluster.EndToEnd.Tests.LocalRun;

/// <summary>
/// Finds every live process of one ./run.sh in /proc: those that inherited its CONFIGCLUSTER_RUN_DIR, the
/// PostgreSQL postmaster (its command line names the data directory) and the Redis server (its title
/// names its port) — both rewrite their environment block with their process title — and every
/// descendant of those (PostgreSQL's backends).
/// </summary>
public static class RunProcesses
{
    public static IReadOnlyList<int> Find(string runDirectory, string dataDirectory, int redisPort)
    {
        byte[] marker = Encoding.UTF8.GetBytes($"CONFIGCLUSTER_RUN_DIR={runDirectory}");
        string redisTitle = $"redis-server 127.0.0.1:{redisPort}";
        var parents = new Dictionary<int, int>();
        var found = new HashSet<int>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid) || pid == Environment.ProcessId || ParentOf(directory) is not { } parent)
            {
                continue;
            }

            parents[pid] = parent;
            string commandLine = Read(directory, "cmdline").Replace('\0', ' ');
            if (EnvironmentHolds(directory, marker) || commandLine.Contains(dataDirectory, StringComparison.Ordinal) || commandLine.StartsWith(redisTitle, StringComparison.Ordinal))
            {
                found.Add(pid);
            }
        }

        for (bool added = true; added;)
        {
            added = false;
            foreach ((int pid, int parent) in parents)
            {
                added |= found.Contains(parent) && found.Add(pid);
            }
        }

        return [.. found.Order()];
    }

    // /proc/PID/stat: "PID (comm) STATE PPID ..."; comm may hold spaces and parentheses.
    private static int? ParentOf(string processDirectory)
    {
        string stat = Read(processDirectory, "stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && int.TryParse(fields[1], out int parent) ? parent : null;
    }

    private static bool EnvironmentHolds(string processDirectory, byte[] marker)
    {
        ReadOnlySpan<byte> environment = ReadBytes(processDirectory, "environ");
        foreach (Range variable in environment.Split((byte)0))
        {
            if (environment[variable].SequenceEqual(marker))
            {
                return true;
            }
        }

        return false;
    }

    private static string Read(string processDirectory, string file) => Encoding.UTF8.GetString(ReadBytes(processDirectory, file));

    // A process may end, or be another user's, between listing and reading: it reads as empty.
    private static byte[] ReadBytes(string processDirectory, string file)
    {
        try
        {
            return File.ReadAllBytes(Path.Combine(processDirectory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
