namespace Cdx.Governance.Tests;

/// <summary>
/// One governance server shared by every test of a class (xunit class fixture), for suites whose
/// tests use their own users and groups and so cannot disturb each other; saves a start per test.
/// Null <see cref="Server"/> means the database is not available here (the test then skips).
/// </summary>
public abstract class SharedServer(TestDatabase db) : IAsyncLifetime
{
    public GovernanceTestServer? Server { get; private set; }

    public async Task InitializeAsync()
    {
        if (TestPostgres.Available(db))
        {
            Server = await GovernanceTestServer.StartAsync(db, configure: o => o with { DeviceCodeLifetime = TimeSpan.FromSeconds(3), DeviceCodeInterval = TimeSpan.FromSeconds(1) });
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

/// <summary>A shared server on SQLite.</summary>
public sealed class SharedSqliteServer() : SharedServer(TestDatabase.Sqlite);

/// <summary>A shared server on PostgreSQL.</summary>
public sealed class SharedPostgresServer() : SharedServer(TestDatabase.Postgres);
