using Npgsql;

namespace Cdx.Governance.Tests;

/// <summary>
/// The database a test server runs on. SQLite is always available; PostgreSQL comes from
/// `CDX_TEST_POSTGRES` (test.sh starts a private cluster and sets it), and each server gets a
/// fresh database on it so tests stay independent.
/// </summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>Creating and dropping the per-server PostgreSQL databases.</summary>
public static class TestPostgres
{
    public const string EnvVar = "CDX_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(EnvVar) is { Length: > 0 } s ? s : null;

    /// <summary>True when a server on <paramref name="db"/> can be started here.</summary>
    public static bool Available(TestDatabase db) => db == TestDatabase.Sqlite || AdminConnectionString is not null;

    /// <summary>The skip (thrown inside a test body, where Xunit.SkippableFact reports it) for a missing PostgreSQL.</summary>
    public static SkipException Skipped() =>
        new($"{EnvVar} is not set; run ./test.sh (it installs and starts PostgreSQL) or point {EnvVar} at a server to run the PostgreSQL variant.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "cdx_gov_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
