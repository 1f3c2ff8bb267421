namespace ConfigCluster.Ports;

/// <summary>What a change did; the event type on Kafka (<c>created | updated | deleted</c>, decision 11).</summary>
public enum ChangeAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}
