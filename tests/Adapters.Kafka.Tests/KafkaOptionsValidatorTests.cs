namespace ConfigCluster.Adapters.Kafka.Tests;

public sealed class KafkaOptionsValidatorTests
{
    private readonly KafkaOptionsValidator _validator = new();

    [Fact]
    public void DefaultsWithBootstrapServersAreValid()
    {
        Assert.True(_validator.Validate(null, new KafkaOptions { BootstrapServers = "k1:9092,k2:9092" }).Succeeded);
    }

    [Fact]
    public void MissingBootstrapServersAreRejectedNamingEverySource()
    {
        var result = _validator.Validate(null, new KafkaOptions());

        Assert.Contains("ConnectionStrings:Kafka", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad topic")]
    [InlineData("..")]
    [InlineData("")]
    public void InvalidTopicNamesAreRejected(string topic)
    {
        Assert.True(_validator.Validate(null, new KafkaOptions { BootstrapServers = "k:9092", Topic = topic }).Failed);
    }

    [Fact]
    public void ProducerSettingsCannotWeakenDeliveryAndValuesAreNotEchoed()
    {
        var options = new KafkaOptions { BootstrapServers = "k:9092" };
        options.ProducerSettings["acks"] = "s3cr3t-1";
        options.ProducerSettings["message.timeout.ms"] = "s3cr3t-2";
        options.ProducerSettings["sasl.password"] = "s3cr3t-3";

        var result = _validator.Validate(null, options);

        Assert.Contains("acks, message.timeout.ms", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", options.ToString(), StringComparison.Ordinal);
    }
}
