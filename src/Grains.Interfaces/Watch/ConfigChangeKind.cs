namespace ConfigCluster.Grains.Interfaces.Watch;

public enum ConfigChangeKind
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
}
