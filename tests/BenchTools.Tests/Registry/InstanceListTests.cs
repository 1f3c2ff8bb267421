using System.Text.Json;
using ConfigCluster.BenchTools.Registry;

namespace ConfigCluster.BenchTools.Tests.Registry;

/// <summary>An instance's status read from a service's list as the registry API answers it.</summary>
public sealed class InstanceListTests
{
    [Theory]
    [InlineData("passing")]
    [InlineData("warning")]
    [InlineData("critical")]
    public void AListedInstanceHasTheStatusTheListGivesIt(string status) =>
        Assert.Equal(status, InstanceList.StatusOf(List(("death-1", status)), "death-1"));

    [Fact]
    public void OnlyTheInstanceWithThatIdCounts()
    {
        var list = List(("death-1", "passing"), ("death-12", "critical"), ("death-2", "warning"));

        Assert.Equal("warning", InstanceList.StatusOf(list, "death-2"));
        Assert.Equal("passing", InstanceList.StatusOf(list, "death-1"));
    }

    [Fact]
    public void AnInstanceTheListDoesNotHoldHasNoStatus()
    {
        Assert.Null(InstanceList.StatusOf(List(("death-1", "passing")), "death-3"));
        Assert.Null(InstanceList.StatusOf(List(), "death-1"));
    }

    [Theory]
    [InlineData("""{"environment": "bench", "service": "reg-death", "index": 3}""")]
    [InlineData("""{"instances": {"death-1": "passing"}}""")]
    public void ABodyWithoutAnInstancesArrayIsNotAList(string body)
    {
        using var document = JsonDocument.Parse(body);

        Assert.Throws<FormatException>(() => InstanceList.StatusOf(document.RootElement, "death-1"));
    }

    /// <summary>A list as the API writes it: the service's fields, then each instance with more fields than the two read.</summary>
    private static JsonElement List(params (string Id, string Status)[] instances)
    {
        var items = instances.Select(i =>
            $$"""{"environment": "bench", "service": "reg-death", "instance_id": "{{i.Id}}", "address": "127.0.0.1", "port": 1, "status": "{{i.Status}}", "output": "", "index": 7}""");
        using var document = JsonDocument.Parse($$"""{"environment": "bench", "service": "reg-death", "index": 7, "instances": [{{string.Join(", ", items)}}]}""");
        return document.RootElement.Clone();
    }
}
