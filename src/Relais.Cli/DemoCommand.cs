using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Demo;
using Spectre.Console;

namespace Relais.Cli;

internal static class DemoCommand
{
    public static Command Create(DatabaseArguments database, TextWriter output)
    {
        var scale = new Option<int>("--supporters-per-campaign")
        {
            Description = "How many people sign each of the three campaigns (default 4000)",
            DefaultValueFactory = _ => DemoScale.Default.SupportersPerCampaign,
        };
        scale.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError("--supporters-per-campaign must be between 1 and 1,000,000.");
            }
        });
        var command = new Command("demo", "Load the demo organization: the three stories of #palidzesim, Critical Exposure and 350.org.")
        {
            scale,
        };
        command.SetAction(async (result, ct) =>
        {
            await using var app = Host.Build(database.Settings(result));
            await Host.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            if (await db.Organizations.AnyAsync(o => o.Slug == DemoSeeder.OrganizationSlug, ct))
            {
                await output.WriteLineAsync("The demo organization is already loaded; nothing was changed.");
                return 1;
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            var demo = await console.Status().StartAsync("Generating the demo supporters and signatures…", _ =>
                DemoSeeder.SeedAsync(db, new DemoScale(result.GetValue(scale)), TimeProvider.System, ct));
            var table = new Table().AddColumns("campaigns", "supporters", "signatures")
                .AddRow(demo.Campaigns.ToString(), demo.Supporters.ToString(), demo.Signatures.ToString());
            console.Write(table);
            await output.WriteLineAsync("Demo loaded. Give yourself access with: relais create-admin --email you@example.org --organization demo");
            return 0;
        });
        return command;
    }
}
