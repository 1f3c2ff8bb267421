using ConfigCluster.Grains.Interfaces.Status;

namespace ConfigCluster.Ports;

/// <summary>One dependency's health as reported by GET /api/v1/config/status. Each adapter registers one.</summary>
public interface IDependencyProbe
{
    Task<DependencyStatus> ProbeAsync(CancellationToken cancellationToken);
}
