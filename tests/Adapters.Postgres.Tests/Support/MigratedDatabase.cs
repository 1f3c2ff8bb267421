namespace ConfigCluster.Adapters.Postgres.Tests.Support;

/// <summary>Class fixture: one fresh, migrated database per test class.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(migrate: true);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
