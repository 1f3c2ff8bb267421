namespace ConfigCluster.Hosting.Health;

/// <summary>How often each silo checks its shared dependencies for the log and the metrics (section <c>Health</c>).</summary>
public sealed class DependencyHealthOptions
{
    public const string SectionName = "Health";

    public TimeSpan DependencyCheckPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
