using Microsoft.Data.Sqlite;
using Npgsql;

namespace Relais.Cli.Tests;

/// <summary>A fresh database for the command to work on: a SQLite folder, or a PostgreSQL database.</summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly string _name = "relais_cli_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Directory.CreateTempSubdirectory("relais-cli-").FullName;

    private CliDatabase(bool postgres)
    {
        _server = postgres ? Environment.GetEnvironmentVariable("RELAIS_TEST_POSTGRES") : null;
        IsPostgres = postgres;
    }

    public bool IsPostgres { get; }

    public string[] Arguments => _server is null
        ? ["--data", _folder]
        : ["--data", _folder, "--provider", "Postgres", "--connection-string", new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString];

    public static async Task<CliDatabase> CreateAsync(bool postgres)
    {
        var database = new CliDatabase(postgres);
        if (postgres && database._server is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("RELAIS_TEST_POSTGRES must be set in CI: run the tests through scripts/test.sh.");
            }
            Assert.Skip("RELAIS_TEST_POSTGRES is not set: run scripts/test.sh to test on PostgreSQL.");
        }
        if (database._server is not null)
        {
            await using var connection = new NpgsqlConnection(database._server);
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", connection).ExecuteNonQueryAsync();
        }
        return database;
    }

    public async Task<(int Exit, string Output)> RunAsync(params string[] verb)
    {
        var output = new StringWriter();
        var exit = await RelaisCommand.RunAsync([.. verb, .. Arguments], output);
        return (exit, output.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
        {
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
