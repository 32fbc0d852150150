namespace Relais.Cli.Tests;

/// <summary>A fresh database for the command to work on: a SQLite folder, or a PostgreSQL database.</summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly TempFolder _folder = new("relais-cli-");
    private readonly PostgresDatabase? _postgres;

    private CliDatabase(bool postgres)
    {
        _postgres = postgres && TestPostgres.Server is { } server ? new PostgresDatabase(server, "relais_cli_") : null;
        IsPostgres = postgres;
    }

    public bool IsPostgres { get; }

    public string[] Arguments => _postgres is null
        ? ["--data", _folder.Path]
        : ["--data", _folder.Path, "--provider", "Postgres", "--connection-string", _postgres.ConnectionString];

    public static async Task<CliDatabase> CreateAsync(bool postgres)
    {
        if (postgres)
        {
            TestPostgres.SkipIfUnavailable();
        }
        var database = new CliDatabase(postgres);
        if (database._postgres is not null)
        {
            await database._postgres.CreateAsync();
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
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        _folder.Dispose();
    }
}
