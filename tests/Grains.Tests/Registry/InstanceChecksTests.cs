using ConfigCluster.Grains.Interfaces.Registry;
using ConfigCluster.Grains.Registry;

namespace ConfigCluster.Grains.Tests.Registry;

public sealed class InstanceChecksTests
{
    [Theory]
    [InlineData(200, InstanceStatus.Passing)]
    [InlineData(204, InstanceStatus.Passing)]
    [InlineData(299, InstanceStatus.Passing)]
    [InlineData(301, InstanceStatus.Critical)]
    [InlineData(404, InstanceStatus.Critical)]
    [InlineData(429, InstanceStatus.Warning)]
    [InlineData(500, InstanceStatus.Critical)]
    [InlineData(503, InstanceStatus.Critical)]
    public void Any2xxPasses429WarnsTheRestIsCritical(int code, InstanceStatus expected) =>
        Assert.Equal(expected, InstanceChecks.Judge(code, null));

    [Theory]
    [InlineData(200, InstanceStatus.Critical)]
    [InlineData(204, InstanceStatus.Passing)]
    [InlineData(418, InstanceStatus.Passing)]
    [InlineData(429, InstanceStatus.Warning)]
    public void ExpectedStatusesReplaceThe2xxRule(int code, InstanceStatus expected) =>
        Assert.Equal(expected, InstanceChecks.Judge(code, [204, 418]));
}
