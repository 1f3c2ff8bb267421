using ConfigCluster.Hosting;

namespace ConfigCluster.Gateway.Tests.Hosting;

public sealed class ClusterHostingOptionsValidatorTests
{
    private static readonly ClusterHostingOptionsValidator Validator = new();

    [Fact]
    public void TheDefaultsAreValid() => Assert.True(Validator.Validate(null, new ClusterHostingOptions()).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(300)]
    public void AShutdownDrainDelayOfUpToFiveMinutesIsAccepted(int seconds) =>
        Assert.True(Validator.Validate(null, new ClusterHostingOptions { ShutdownDrainDelay = TimeSpan.FromSeconds(seconds) }).Succeeded);

    [Theory]
    [InlineData(-1)]
    [InlineData(301)]
    public void ANegativeOrLongerShutdownDrainDelayIsRefusedNamingTheSetting(int seconds)
    {
        var result = Validator.Validate(null, new ClusterHostingOptions { ShutdownDrainDelay = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains("Cluster:ShutdownDrainDelay", result.FailureMessage);
    }

    [Fact]
    public void AnAdvertisedAddressThatIsNoIpAddressIsRefused()
    {
        var result = Validator.Validate(null, new ClusterHostingOptions { AdvertisedAddress = "silo-1.local" });

        Assert.Contains("Cluster:AdvertisedAddress", result.FailureMessage);
    }

    [Fact]
    public void AGatewayPortOfZeroMeansNoOrleansGatewayAndIsAccepted() =>
        Assert.True(Validator.Validate(null, new ClusterHostingOptions { GatewayPort = 0 }).Succeeded);
}
