using System.Net;
using ConfigCluster.Grains.Registry;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Grains.Tests.Registry;

public sealed class CheckTargetGuardTests
{
    private static CheckTargetGuard Guard(params string[] allowed) =>
        new(Options.Create(new RegistryOptions { AllowedCheckNetworks = [.. allowed] }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:127.0.0.1")]
    public void LoopbackLinkLocalUnspecifiedAndMulticastAreRefusedByDefault(string address) =>
        Assert.NotNull(Guard().Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.10")]
    [InlineData("172.16.0.5")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::1")]
    public void OtherAddressesAreAllowed(string address) => Assert.Null(Guard().Refusal(IPAddress.Parse(address)));

    [Fact]
    public void AnAllowedNetworkOpensOnlyItself()
    {
        var guard = Guard("127.0.0.0/8");

        Assert.Null(guard.Refusal(IPAddress.Loopback));
        Assert.Null(guard.Refusal(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.NotNull(guard.Refusal(IPAddress.Parse("169.254.169.254")));
        Assert.NotNull(guard.Refusal(IPAddress.IPv6Loopback));
    }

    [Fact]
    public void ARefusalNamesTheNetworkAndTheSettingThatCanAllowIt()
    {
        var refusal = Guard().Refusal(IPAddress.Parse("169.254.169.254"));

        Assert.Contains("169.254.0.0/16", refusal, StringComparison.Ordinal);
        Assert.Contains("Registry:AllowedCheckNetworks", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameIsRefusedWhenAnyOfItsAddressesIs()
    {
        var (addresses, refusal) = await Guard().ResolveAsync("localhost", CancellationToken.None);

        Assert.Empty(addresses);
        Assert.NotNull(refusal);
    }

    [Fact]
    public async Task ANameThatDoesNotResolveIsRefused()
    {
        var (_, refusal) = await Guard().ResolveAsync("no-such-host.invalid", CancellationToken.None);

        Assert.Contains("does not resolve", refusal, StringComparison.Ordinal);
    }
}
