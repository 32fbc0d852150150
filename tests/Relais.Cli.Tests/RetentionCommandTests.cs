using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Organizations;
using Relais.Supporters;

namespace Relais.Cli.Tests;

public sealed class RetentionCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Retention_DryRunThenApply_AnonymizesOnlyTheOldOfTheChosenOrganization(bool postgres)
    {
        await using var database = await CliDatabase.CreateAsync(postgres);
        await database.RunAsync("migrate");
        var now = DateTimeOffset.UtcNow;
        await WithDbAsync(database, async db =>
        {
            var kept = Organization("kept");
            var cleaned = Organization("cleaned");
            db.Organizations.AddRange(kept, cleaned);
            db.Supporters.AddRange(
                Person(cleaned.Id, "old@example.org", now.AddMonths(-40)),
                Person(cleaned.Id, "recent@example.org", now.AddMonths(-2)),
                Person(kept.Id, "old-kept@example.org", now.AddMonths(-40)));
            await db.SaveChangesAsync();
        });

        var dryRun = await database.RunAsync("retention", "--org", "cleaned");
        var untouched = await WithDbAsync(database, db => db.Supporters.CountAsync(s => s.ErasedAt != null));
        var applied = await database.RunAsync("retention", "--org", "cleaned", "--apply");
        var unknown = await database.RunAsync("retention", "--org", "nobody");

        Assert.Equal(0, dryRun.Exit);
        Assert.Contains("cleaned: 1 supporter(s)", dryRun.Output);
        Assert.Contains("old@example.org", dryRun.Output);
        Assert.Contains("Dry run", dryRun.Output);
        Assert.Equal(0, untouched);
        Assert.Equal(0, applied.Exit);
        Assert.Contains("cleaned: 1 supporter(s) anonymized.", applied.Output);
        Assert.Equal(1, unknown.Exit);
        var erased = await WithDbAsync(database, db => db.Supporters.Where(s => s.ErasedAt != null).Select(s => s.Email).ToListAsync());
        Assert.StartsWith("erased-", Assert.Single(erased));
        Assert.True(await WithDbAsync(database, db => db.Supporters.AnyAsync(s => s.Email == "old-kept@example.org" && s.ErasedAt == null)));
    }

    private static Organization Organization(string slug) => new()
    {
        Name = slug,
        Slug = slug,
        ConsentWordingFr = "J'accepte",
        ConsentWordingEn = "I agree",
    };

    private static Supporter Person(Guid organizationId, string email, DateTimeOffset lastActive) => new()
    {
        OrganizationId = organizationId,
        Email = email,
        NormalizedEmail = email,
        FirstName = "Old",
        CreatedAt = lastActive,
        LastActiveAt = lastActive,
    };

    private static async Task<T> WithDbAsync<T>(CliDatabase database, Func<RelaisDb, Task<T>> work)
    {
        var args = database.Arguments;
        var settings = new Dictionary<string, string?> { ["Relais:Database:DataFolder"] = args[1] };
        if (database.IsPostgres)
        {
            settings["Relais:Database:Provider"] = "Postgres";
            settings["Relais:Database:ConnectionString"] = args[5];
        }
        await using var app = Host.Build(settings);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<RelaisDb>());
    }

    private static Task WithDbAsync(CliDatabase database, Func<RelaisDb, Task> work) =>
        WithDbAsync(database, async db =>
        {
            await work(db);
            return 0;
        });
}
