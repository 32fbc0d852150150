using System.CommandLine;
using Relais.Data;

namespace Relais.Cli;

/// <summary>`relais`: serve, migrate, create-admin, demo, retention. Every setting of the web host applies too.</summary>
public static class RelaisCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var data = new Option<string?>("--data")
        {
            Description = "Folder of the SQLite database and keys (default: ~/.local/share/relais; env Relais__Database__DataFolder)",
            Recursive = true,
        };
        var provider = new Option<DatabaseProvider?>("--provider")
        {
            Description = "Sqlite (default) or Postgres (env Relais__Database__Provider)",
            Recursive = true,
        };
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Database connection string, required for Postgres (env Relais__Database__ConnectionString)",
            Recursive = true,
        };
        var database = new DatabaseArguments(data, provider, connection);

        var root = new RootCommand("Relais: online mobilization campaigns. Run a verb with --help for its options.")
        {
            data,
            provider,
            connection,
            ServeCommand.Create(database),
            MigrateCommand.Create(database, output),
            CreateAdminCommand.Create(database, output),
            DemoCommand.Create(database, output),
            RetentionCommand.Create(database, output),
            ImportCommand.Create(database, output),
        };
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
    }
}

/// <summary>The database options every verb shares, turned into host configuration.</summary>
internal sealed record DatabaseArguments(Option<string?> Data, Option<DatabaseProvider?> Provider, Option<string?> ConnectionString)
{
    public Dictionary<string, string?> Settings(ParseResult result)
    {
        var settings = new Dictionary<string, string?>();
        if (result.GetValue(Data) is { } data)
        {
            settings["Relais:Database:DataFolder"] = data;
        }
        if (result.GetValue(Provider) is { } provider)
        {
            settings["Relais:Database:Provider"] = provider.ToString();
        }
        if (result.GetValue(ConnectionString) is { } connection)
        {
            settings["Relais:Database:ConnectionString"] = connection;
        }
        return settings;
    }
}
