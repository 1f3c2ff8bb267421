namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>Change records for tests; every address is new, so tests sharing a database do not meet.</summary>
public static class Changes
{
    /// <summary>A time PostgreSQL stores exactly (microseconds).</summary>
    public static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    public static ConfigAddress NewAddress() => new("test", $"svc-{Guid.NewGuid():N}", "db.url");

    public static ChangeRecord Record(ConfigAddress address, ChangeAction action = ChangeAction.Updated, long oldVersion = 1, long newVersion = 2) =>
        new(Guid.NewGuid(), action, address, oldVersion, newVersion, IsEncrypted: false, Actor: "alice", RequestId: "req-1", At);
}
