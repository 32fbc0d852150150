using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Data;
using Relais.Demo;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: applies migrations, loads the demo organization into a
/// new database, and creates the first admin with a generated password shown once on the console.
/// </summary>
internal sealed class DatabaseStartup(
    IServiceProvider services, IOptions<StartupOptions> options, TimeProvider clock, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var settings = options.Value;
        if (settings.Migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (!await db.Organizations.AnyAsync(cancellationToken))
        {
            await CreateFirstOrganizationAsync(db, settings, cancellationToken);
        }
        if (!await db.Members.AnyAsync(cancellationToken))
        {
            await CreateFirstAdminAsync(db, scope.ServiceProvider.GetRequiredService<MemberAccounts>(), settings, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateFirstOrganizationAsync(RelaisDb db, StartupOptions settings, CancellationToken ct)
    {
        if (settings.SeedDemo)
        {
            var started = clock.GetTimestamp();
            var result = await DemoSeeder.SeedAsync(db, new DemoScale(settings.DemoSupportersPerCampaign), clock, ct);
            logger.LogInformation(
                "Loaded the demo organization: {Campaigns} campaigns, {Supporters} supporters, {Signatures} signatures in {Elapsed}",
                result.Campaigns, result.Supporters, result.Signatures, clock.GetElapsedTime(started));
            return;
        }
        db.Organizations.Add(new Organization
        {
            Name = "Mon organisation",
            Slug = "mon-organisation",
            ConsentWordingFr = OrganizationDefaults.ConsentWordingFr,
            ConsentWordingEn = OrganizationDefaults.ConsentWordingEn,
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task CreateFirstAdminAsync(RelaisDb db, MemberAccounts accounts, StartupOptions settings, CancellationToken ct)
    {
        var organization = await db.Organizations.OrderBy(o => o.CreatedAt).FirstAsync(ct);
        var password = MemberAccounts.GeneratePassword();
        var result = await accounts.CreateAsync(settings.FirstAdminEmail, organization.Id, MemberRole.Owner, password, "Admin");
        if (!result.Succeeded)
        {
            // Another node created it first; its console shows the password.
            logger.LogWarning("First admin not created: {Errors}", string.Join("; ", result.Errors.Select(e => e.Description)));
            return;
        }
        await Console.Out.WriteLineAsync($"""

            ┌─ Relais: first admin ───────────────────────────────
            │ login:    {settings.FirstAdminEmail}
            │ password: {password}
            │ (shown once; change it with `relais create-admin`)
            └──────────────────────────────────────────────────────

            """);
    }
}
