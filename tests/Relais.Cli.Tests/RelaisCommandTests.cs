using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Cli.Tests;

public sealed class RelaisCommandTests
{
    [Theory]
    [InlineData("serve", "--urls")]
    [InlineData("migrate", "--data")]
    [InlineData("create-admin", "--email")]
    [InlineData("demo", "--supporters-per-campaign")]
    [InlineData("retention", "--apply")]
    public async Task Help_EachVerb_DescribesItsOptions(string verb, string option)
    {
        var output = new StringWriter();

        var exit = await RelaisCommand.RunAsync([verb, "--help"], output);

        Assert.Equal(0, exit);
        Assert.Contains($" {verb} [options]", output.ToString());
        Assert.Contains(option, output.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MigrateDemoAndCreateAdmin_OnAnEmptyDatabase_GiveAWorkingLogin(bool postgres)
    {
        await using var database = await CliDatabase.CreateAsync(postgres);

        var migrate = await database.RunAsync("migrate");
        var again = await database.RunAsync("migrate");
        var noOrganization = await database.RunAsync("create-admin", "--email", "early@example.org");
        var demo = await database.RunAsync("demo", "--supporters-per-campaign", "20");
        var demoTwice = await database.RunAsync("demo", "--supporters-per-campaign", "20");
        var admin = await database.RunAsync("create-admin", "--email", "Me@Example.org", "--organization", "demo");

        Assert.Equal(0, migrate.Exit);
        Assert.Matches(@"Applied [1-9][0-9]* migration\(s\)", migrate.Output);
        Assert.Contains("The database is up to date.", again.Output);
        Assert.Equal(1, noOrganization.Exit);
        Assert.Equal(0, demo.Exit);
        Assert.Contains("Demo loaded", demo.Output);
        Assert.Equal(1, demoTwice.Exit);
        Assert.Contains("already loaded", demoTwice.Output);
        Assert.Equal(0, admin.Exit);
        var password = admin.Output.Split("Password (shown once): ")[1].Trim();
        Assert.Equal(20, password.Length);
        await using var app = Host.Build(Settings(database));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        Assert.Equal(1, await db.Organizations.CountAsync());
        Assert.Equal(60, await db.Activities.CountAsync(a => a.Type == Relais.Activities.ActivityType.Signed));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = await users.FindByEmailAsync("me@example.org");
        Assert.NotNull(member);
        Assert.Equal(MemberRole.Owner, member.Role);
        Assert.True(await users.CheckPasswordAsync(member, password));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CreateAdmin_ExistingLockedMember_ResetsPasswordAndLiftsTheLockout(bool postgres)
    {
        await using var database = await CliDatabase.CreateAsync(postgres);
        await database.RunAsync("demo", "--supporters-per-campaign", "5");
        await database.RunAsync("create-admin", "--email", "lead@example.org", "--password", "first password is long");
        await using (var app = Host.Build(Settings(database)))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("lead@example.org"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var reset = await database.RunAsync("create-admin", "--email", "lead@example.org", "--password", "second password is long", "--role", "Organizer");
        var tooShort = await database.RunAsync("create-admin", "--email", "lead@example.org", "--password", "short");
        var invalid = await database.RunAsync("create-admin", "--email", "not an email");

        Assert.Equal(0, reset.Exit);
        Assert.Contains("Reset lead@example.org (Organizer)", reset.Output);
        Assert.Equal(1, tooShort.Exit);
        Assert.DoesNotContain("Reset", tooShort.Output);
        Assert.Contains("at least 12 characters", tooShort.Output);
        Assert.Equal(1, invalid.Exit);
        await using var check = Host.Build(Settings(database));
        await using var checkScope = check.Services.CreateAsyncScope();
        var manager = checkScope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = (await manager.FindByEmailAsync("lead@example.org"))!;
        Assert.False(await manager.IsLockedOutAsync(member));
        Assert.Equal(MemberRole.Organizer, member.Role);
        Assert.True(await manager.CheckPasswordAsync(member, "second password is long"));
        Assert.Equal(1, await checkScope.ServiceProvider.GetRequiredService<RelaisDb>().Members.CountAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Demo_WithScale_AddsSupportersWithTenActivitiesEachAndTheirMemberships(bool postgres)
    {
        await using var database = await CliDatabase.CreateAsync(postgres);

        var demo = await database.RunAsync("demo", "--supporters-per-campaign", "5", "--scale", "500");

        Assert.Equal(0, demo.Exit);
        Assert.Contains("Generated 500 supporters and 5,000 activities", demo.Output);
        await using var app = Host.Build(Settings(database));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var generated = db.Supporters.Where(s => s.NormalizedEmail.EndsWith("@scale.example.org"));
        Assert.Equal(500, await generated.CountAsync());
        Assert.Equal(5_000, await db.Activities.CountAsync(a => generated.Select(s => s.Id).Contains(a.SupporterId)));
        // Four signatures each, of four different petitions: the one-signature-per-petition index held.
        Assert.Equal(2_000, await db.Activities.Where(a => a.Type == Relais.Activities.ActivityType.Signed && a.Source == "demo")
            .CountAsync(a => generated.Select(s => s.Id).Contains(a.SupporterId)));
        Assert.InRange(await db.SupporterTags.CountAsync(), 50, 150);
        Assert.Contains(await generated.Select(s => s.Country).Distinct().ToListAsync(), c => c == "BE");
        var newest = await generated.MaxAsync(s => s.LastActiveAt);
        var oldest = await generated.MinAsync(s => s.LastActiveAt);
        Assert.True(newest - oldest > TimeSpan.FromDays(300), $"activity spread over {newest - oldest}");
        Assert.True(newest <= DateTimeOffset.UtcNow.AddMinutes(1));
        // Statistics after the bulk load (and on PostgreSQL a vacuum), or the planners misjudge the tables.
        var prepared = postgres
            ? await db.Database.SqlQueryRaw<long>(
                "SELECT count(*) AS \"Value\" FROM pg_stat_user_tables WHERE relname IN ('Supporters', 'Activities') AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL").SingleAsync()
            : await db.Database.SqlQueryRaw<long>(
                "SELECT count(DISTINCT tbl) AS \"Value\" FROM sqlite_stat1 WHERE tbl IN ('Supporters', 'Activities')").SingleAsync();
        Assert.Equal(2, prepared);
    }

    [Fact]
    public async Task Demo_ScaleOutOfRange_RefusedWithoutTouchingTheDatabase()
    {
        await using var database = await CliDatabase.CreateAsync(postgres: false);

        var result = await database.RunAsync("demo", "--supporters-per-campaign", "0");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("between 1 and 1,000,000", result.Output);
        Assert.Empty(Directory.EnumerateFiles(database.Arguments[1], "*.db"));
    }

    private static Dictionary<string, string?> Settings(CliDatabase database)
    {
        var args = database.Arguments;
        var settings = new Dictionary<string, string?> { ["Relais:Database:DataFolder"] = args[1] };
        if (database.IsPostgres)
        {
            settings["Relais:Database:Provider"] = "Postgres";
            settings["Relais:Database:ConnectionString"] = args[5];
        }
        return settings;
    }
}
