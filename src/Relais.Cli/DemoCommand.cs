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
        var crowd = new Option<int>("--scale")
        {
            Description = "Also generate this many extra supporters with ten activities each, for benchmarks (e.g. 1000000)",
        };
        crowd.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 10_000_000)
            {
                r.AddError("--scale must be between 0 and 10,000,000.");
            }
        });
        var activities = new Option<int>("--scale-activities")
        {
            Description = "Activities per generated supporter, 0 to 10 (default 10)",
            DefaultValueFactory = _ => ScaleGenerator.ActivitiesPerSupporter,
        };
        activities.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > ScaleGenerator.ActivitiesPerSupporter)
            {
                r.AddError("--scale-activities must be between 0 and 10.");
            }
        });
        var command = new Command("demo", "Load the demo organization: the three stories of #palidzesim, Critical Exposure and 350.org.")
        {
            scale,
            crowd,
            activities,
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
            if (result.GetValue(crowd) is > 0 and var extra)
            {
                var generated = await console.Status().StartAsync($"Generating {extra:N0} more supporters and their activities…", _ =>
                    ScaleGenerator.GenerateAsync(db, demo.OrganizationId, extra, TimeProvider.System, ct, result.GetValue(activities)));
                await output.WriteLineAsync(
                    $"Generated {generated.Supporters:N0} supporters and {generated.Activities:N0} activities over {generated.Actions} archived campaigns in {generated.Elapsed.TotalSeconds:N0} s.");
            }
            await output.WriteLineAsync("Demo loaded. Give yourself access with: relais create-admin --email you@example.org --organization demo");
            return 0;
        });
        return command;
    }
}
