using System.Text.Json;
using ConfigCluster.Adapters.Kafka.Tests.Support;
using ConfigCluster.Ports;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class ChangeEventMessageTests
{
    [Fact]
    public void DeleteIsWrittenAsDeletedWithVersionZeroAndTheOldVersion()
    {
        var deleted = TestEvents.Change("db-url", 4, ChangeAction.Deleted).Change;

        using var json = JsonDocument.Parse(ChangeEventMessage.Serialize(deleted));

        Assert.Equal("deleted", json.RootElement.GetProperty("event_type").GetString());
        Assert.Equal((0, 3), (json.RootElement.GetProperty("version").GetInt64(), json.RootElement.GetProperty("old_version").GetInt64()));
    }

    [Fact]
    public void TimestampIsRfc3339InUtcWhateverTheOffsetOfTheChange()
    {
        var change = TestEvents.Change("db-url", 2).Change with { At = new DateTimeOffset(2026, 3, 4, 7, 8, 9, TimeSpan.FromHours(2)) };

        using var json = JsonDocument.Parse(ChangeEventMessage.Serialize(change));

        Assert.Equal("2026-03-04T05:08:09Z", json.RootElement.GetProperty("timestamp").GetString());
    }
}
