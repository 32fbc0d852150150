using System.CommandLine;

namespace Relais.Cli;

internal static class MigrateCommand
{
    public static Command Create(DatabaseArguments database, TextWriter output)
    {
        var command = new Command("migrate", "Create the database or bring its schema up to date, then exit.");
        command.SetAction(async (result, ct) =>
        {
            await using var app = Host.Build(database.Settings(result));
            var applied = await Host.MigrateAsync(app.Services, ct);
            await output.WriteLineAsync(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        });
        return command;
    }
}
