using Npgsql;

namespace Relais.TestKit;

/// <summary>
/// The PostgreSQL cluster the tests may use: the connection string in RELAIS_TEST_POSTGRES (set by
/// scripts/test.sh), to a server where they may create databases. Without it, PostgreSQL tests skip
/// with a message, except in CI where they fail.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "RELAIS_TEST_POSTGRES";

    /// <summary>The server's connection string, null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Why PostgreSQL cannot be tested here, null when it can; throws in CI, where it must be set.</summary>
    public static string? Unavailable =>
        Server is not null ? null
        : Environment.GetEnvironmentVariable("CI") == "true"
            ? throw new InvalidOperationException($"{Variable} must be set in CI: run the tests through scripts/test.sh.")
            : $"{Variable} is not set: run scripts/test.sh to test on PostgreSQL.";

    /// <summary>Skips the calling test when PostgreSQL is not available here.</summary>
    public static void SkipIfUnavailable()
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}

/// <summary>
/// A throwaway database in a PostgreSQL cluster (usually <see cref="TestPostgres.Server"/>), named
/// by a prefix and a random suffix: <see cref="CreateAsync"/> creates it, dispose drops it
/// (<c>WITH (FORCE)</c>, so connections still open do not keep it).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _server;

    public PostgresDatabase(string server, string prefix = "relais_test_")
    {
        _server = server;
        Name = prefix + Guid.NewGuid().ToString("N")[..12];
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The server's connection string with this database's name.</summary>
    public string ConnectionString { get; }

    public Task CreateAsync() => ExecuteAsync($"CREATE DATABASE \"{Name}\"");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
