namespace ConfigCluster.Hosting;

public sealed record ReadinessReport(bool Ready, string Reason);
