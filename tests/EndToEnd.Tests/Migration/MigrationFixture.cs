namespace ConfigCluster.EndToEnd.Tests.Migration;

/// <summary>
/// The whole service, logging at Information: thousands of rows at Trace would be tens of thousands of captured
/// lines, and would measure the logging rather than the migration. The canary test keeps Trace (<see cref="SystemFixture"/>).
/// </summary>
public sealed class MigrationFixture : SystemFixture
{
    protected override IEnumerable<string> ExtraArgs => ["--Logging:LogLevel:Default=Information"];
}
