using ConfigCluster.Adapters.Kafka.Tests.Support;
using ConfigCluster.DevKafka;
using ConfigCluster.Grains.Interfaces.Status;
using ConfigCluster.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class KafkaServiceCollectionExtensionsTests
{
    [Fact]
    public void ConnectionStringWinsOverTheKafkaSectionAndTheSectionSetsTheRest()
    {
        using var provider = Services(new()
        {
            ["Kafka:BootstrapServers"] = "section:9092",
            ["Kafka:Topic"] = "events",
            ["Kafka:ProducerSettings:socket.keepalive.enable"] = "true",
            ["ConnectionStrings:Kafka"] = "connection-string:9092",
        }).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<KafkaOptions>>().Value;

        Assert.Equal(("connection-string:9092", "events"), (options.BootstrapServers, options.Topic));
        Assert.Equal("true", options.ProducerSettings["socket.keepalive.enable"]);
    }

    [Fact]
    public void RegistrationIsIdempotentAndExposesThePublisherAndOneKafkaProbe()
    {
        var services = Services(new() { ["Kafka:BootstrapServers"] = "127.0.0.1:1" });
        services.AddKafkaChangePublisher();

        Assert.Single(services, d => d.ServiceType == typeof(IChangePublisher));
        Assert.Single(services, d => d.ServiceType == typeof(IDependencyProbe) && d.ImplementationType == typeof(KafkaProbe));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<KafkaOptions>));
    }

    [Fact]
    public void MissingBootstrapServersFailOptionsValidation()
    {
        using var provider = Services([]).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KafkaOptions>>().Value);
    }

    [Fact]
    public async Task ContainerBuiltPublisherAndProbeWorkAgainstTheConfiguredCluster()
    {
        using var cluster = MockKafkaCluster.Start(brokers: 1, ("config-events", 2));
        await using var provider = Services(new() { ["ConnectionStrings:Kafka"] = cluster.BootstrapServers }).BuildServiceProvider();

        var published = await provider.GetRequiredService<IChangePublisher>()
            .PublishAsync([TestEvents.Change("db-url", 1)], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var probe = Assert.Single(provider.GetServices<IDependencyProbe>());

        Assert.True(published);
        Assert.Equal(DependencyState.Up, (await probe.ProbeAsync(CancellationToken.None)).State);
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddKafkaChangePublisher();
        return services;
    }
}
