namespace ConfigCluster.Ports;

/// <summary>Where a recorded change stands: an intent, a change that happened, or one that did not.</summary>
public enum ChangeState
{
    Pending = 0,
    Committed = 1,
    Aborted = 2,
}
