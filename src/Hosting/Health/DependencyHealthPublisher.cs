using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ConfigCluster.Hosting.Health;

/// <summary>
/// Receives the <see cref="HealthTags.Dependency"/> checks every <see cref="DependencyHealthOptions.DependencyCheckPeriod"/>:
/// logs each dependency going down (with the probe's reason, never a credential) and coming back, and exposes the
/// gauge <c>configcluster.dependency.up</c> (1 or 0, tagged <c>dependency</c>), which Prometheus scrapes as
/// <c>configcluster_dependency_up</c>. This is where operators alert on Vault, PostgreSQL, Redis and Kafka,
/// since readiness deliberately leaves them out.
/// </summary>
public sealed partial class DependencyHealthPublisher : IHealthCheckPublisher
{
    public const string MeterName = "ConfigCluster";

    private readonly ConcurrentDictionary<string, bool> _up = new(StringComparer.Ordinal);
    private readonly ILogger<DependencyHealthPublisher> _logger;

    public DependencyHealthPublisher(IMeterFactory meters, ILogger<DependencyHealthPublisher> logger)
    {
        _logger = logger;
        meters.Create(MeterName).CreateObservableGauge(
            "configcluster.dependency.up",
            () => _up.Select(d => new Measurement<int>(d.Value ? 1 : 0, new KeyValuePair<string, object?>("dependency", d.Key))),
            description: "1 while this silo reaches the shared dependency, 0 while it does not.");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            var up = entry.Status != HealthStatus.Unhealthy;
            var known = _up.TryGetValue(name, out var wasUp);
            _up[name] = up;
            if (!up && (!known || wasUp))
            {
                LogDown(name, entry.Description ?? entry.Exception?.GetType().Name ?? "unhealthy");
            }
            else if (up && known && !wasUp)
            {
                LogUp(name);
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Dependency {Dependency} is down: {Reason}")]
    private partial void LogDown(string dependency, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Dependency {Dependency} answers again")]
    private partial void LogUp(string dependency);
}
