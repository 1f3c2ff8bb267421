namespace ConfigCluster.Ports;

/// <summary>What a change did; the event type on Kafka (<c>created | updated | deleted</c>, decision 11).</summary>
public enum ChangeAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,

    /// <summary>A config set back to an earlier version's value: a new version, with the source version in the details.</summary>
    RolledBack = 3,
}
