using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Privacy;

namespace Relais.Cli;

internal static class RetentionCommand
{
    private const int Shown = 10;

    public static Command Create(DatabaseArguments database, TextWriter output)
    {
        var apply = new Option<bool>("--apply") { Description = "Anonymize them (default: a dry run that only lists them)" };
        var organization = new Option<string?>("--org") { Description = "Slug of one organization (default: every organization)" };
        var command = new Command(
            "retention",
            "List the supporters with no contact for longer than their organization keeps data, and with --apply anonymize them.")
        {
            apply,
            organization,
        };
        command.SetAction(async (result, ct) =>
        {
            await using var app = Host.Build(database.Settings(result));
            await Host.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var slug = result.GetValue(organization);
            var organizations = await db.Organizations.AsNoTracking()
                .Where(o => slug == null || o.Slug == slug).OrderBy(o => o.Slug).ToListAsync(ct);
            if (organizations.Count == 0)
            {
                await output.WriteLineAsync(slug is null ? "No organization exists yet." : $"No organization has the slug '{slug}'.");
                return 1;
            }
            var now = TimeProvider.System.GetUtcNow();
            foreach (var target in organizations)
            {
                var cutoff = Retention.Cutoff(now, target.RetentionMonths);
                var due = db.Supporters.AsNoTracking().DueForRetention(target.Id, cutoff);
                var count = await due.CountAsync(ct);
                await output.WriteLineAsync(
                    $"{target.Slug}: {count} supporter(s) with no contact since {cutoff:yyyy-MM-dd} ({target.RetentionMonths} months).");
                var first = await due.OrderBy(s => s.LastActiveAt).Take(Shown)
                    .Select(s => new { s.Id, s.Email, s.LastActiveAt }).ToListAsync(ct);
                foreach (var row in first)
                {
                    await output.WriteLineAsync($"  {row.Id}  {row.Email}  last active {row.LastActiveAt:yyyy-MM-dd}");
                }
                if (count > first.Count)
                {
                    await output.WriteLineAsync($"  … and {count - first.Count} more");
                }
                if (result.GetValue(apply) && count > 0)
                {
                    var organizationRow = await db.Organizations.SingleAsync(o => o.Id == target.Id, ct);
                    var done = await db.ApplyRetentionAsync(organizationRow, now, ct);
                    await output.WriteLineAsync($"{target.Slug}: {done} supporter(s) anonymized.");
                }
            }
            if (!result.GetValue(apply))
            {
                await output.WriteLineAsync("Dry run: nothing was changed. Run again with --apply to anonymize them.");
            }
            return 0;
        });
        return command;
    }
}
