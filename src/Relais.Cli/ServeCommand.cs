using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Relais.Web.Hosting;

namespace Relais.Cli;

internal static class ServeCommand
{
    public static Command Create(DatabaseArguments database)
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://localhost:5080)" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo organization into a new database" };
        var command = new Command("serve", "Start the web server: migrate, load the demo into a new database, create the first admin, serve.")
        {
            urls,
            noDemo,
        };
        command.SetAction(async (result, ct) =>
        {
            var settings = database.Settings(result);
            if (result.GetValue(urls) is { } addresses)
            {
                settings["Urls"] = addresses;
            }
            if (result.GetValue(noDemo))
            {
                settings["Relais:Startup:SeedDemo"] = "false";
            }
            var app = RelaisApp.Create([], builder => builder.Configuration.AddInMemoryCollection(settings));
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
