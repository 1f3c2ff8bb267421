using ConfigCluster.Gateway.LegacyMigration;
using ConfigCluster.Grains.Interfaces.Config;
using ConfigCluster.Ports.LegacyMigration;

namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>The plan of one legacy row, as a pure function of the row and what Vault holds at its address.</summary>
public sealed class MigrationPlanTests
{
    private static readonly LegacyRow Row = new("prod", "billing", "db_url", "postgres://billing", IsEncrypted: true);

    [Fact]
    public void ARowThatIsNotInVaultIsToBeCreated() =>
        Assert.Equal(RowAction.Create, MigrationPlan.Classify(Row, current: null).Action);

    [Fact]
    public void ARowWhoseValueAndFlagVaultAlreadyHoldsIsUnchanged() =>
        Assert.Equal(RowVerdict.Unchanged, MigrationPlan.Classify(Row, Entry("postgres://billing", encrypted: true)));

    [Fact]
    public void ARowWhoseValueDiffersFromVaultIsAConflictWhoseReasonHoldsNeitherValue()
    {
        var verdict = MigrationPlan.Classify(Row, Entry("postgres://elsewhere", encrypted: true));

        Assert.Equal(RowAction.Conflict, verdict.Action);
        Assert.DoesNotContain("postgres://", verdict.Reason);
    }

    [Fact]
    public void ARowWithTheSameValueButAnotherEncryptionFlagIsAConflict() =>
        Assert.Equal(RowAction.Conflict, MigrationPlan.Classify(Row, Entry("postgres://billing", encrypted: false)).Action);

    [Theory]
    [InlineData(null, "billing", "db_url", "'environment' is required.")]
    [InlineData("prod", "bill ing", "db_url", "'service_name' may contain only")]
    [InlineData("prod", "billing", "..", "'key' must not be '.' or '..'.")]
    public void ARowWithAnInvalidNameIsInvalidWithTheNamingRulesReason(string? env, string svc, string key, string reason)
    {
        var verdict = MigrationPlan.Classify(Row with { Environment = env, ServiceName = svc, Key = key }, current: null);

        Assert.Equal(RowAction.Invalid, verdict.Action);
        Assert.StartsWith(reason, verdict.Reason);
    }

    [Fact]
    public void ARowWithAKeyOverTheLengthLimitIsInvalidEvenWhenVaultCouldNotHoldIt() =>
        Assert.Equal(RowAction.Invalid, MigrationPlan.Classify(Row with { Key = new string('k', ConfigName.MaxLength + 1) }, current: null).Action);

    [Fact]
    public void ARowWithoutAValueOrWithOneOverTheSizeLimitIsInvalid()
    {
        Assert.Equal("'value' is required.", MigrationPlan.Classify(Row with { Value = null }, current: null).Reason);
        Assert.Equal(RowAction.Invalid,
            MigrationPlan.Classify(Row with { Value = new string('v', ConfigValueLimits.MaxValueBytes + 1) }, current: null).Action);
    }

    private static ConfigEntry Entry(string value, bool encrypted) =>
        new(new ConfigAddress("prod", "billing", "db_url"), value, encrypted, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
}
