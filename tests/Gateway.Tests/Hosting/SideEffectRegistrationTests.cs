using ConfigCluster.Adapters.Kafka;
using ConfigCluster.Ports;
using ConfigCluster.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigCluster.Gateway.Tests.Hosting;

public sealed class SideEffectRegistrationTests
{
    [Theory]
    [InlineData("ConnectionStrings:Kafka")]
    [InlineData("KAFKA_BOOTSTRAP_SERVERS")]
    [InlineData("Kafka:BootstrapServers")]
    public void AnyOfTheThreeBrokerSettingsTurnsKafkaEventsOn(string setting)
    {
        var services = Register(new() { [setting] = "127.0.0.1:9092" });

        Assert.Contains(services, d => d.ServiceType == typeof(KafkaChangePublisher));
        Assert.Contains(services, d => d.ServiceType == typeof(IChangePublisher));
    }

    [Fact]
    public void WithoutBrokerSettingsNoKafkaPublisherIsRegistered()
    {
        var services = Register(new() { ["ConnectionStrings:Postgres"] = "Host=127.0.0.1" });

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(KafkaChangePublisher));
    }

    private static ServiceCollection Register(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddConfiguredSideEffects(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
