namespace ConfigCluster.Grains.LocalReads;

/// <summary>A silo that serves no reads itself (a worker): nothing is kept.</summary>
internal sealed class NoLocalReads : ILocalReadPublisher
{
    public void Publish(ConfigAddress address, ConfigResult found, DateTimeOffset renewFrom, DateTimeOffset freshUntil)
    {
    }

    public void Withdraw(ConfigAddress address)
    {
    }
}
