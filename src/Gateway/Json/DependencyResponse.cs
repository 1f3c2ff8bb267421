namespace ConfigCluster.Gateway.Json;

public sealed record DependencyResponse(string State, string? Detail);
