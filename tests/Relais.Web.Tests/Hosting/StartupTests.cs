using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Relais.Web.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task FirstStart_LoadsDemoAndFirstAdmin_AndARestartKeepsEverythingWithoutReseeding()
    {
        var folder = Directory.CreateTempSubdirectory("relais-restart-").FullName;
        try
        {
            (int Organizations, int Campaigns, int Supporters, int Signatures, int Members) first;
            await using (var host = SqliteHost.OnFolder(folder))
            {
                host.Set("Relais:Startup:SeedDemo", "true");
                host.Set("Relais:Startup:DemoSupportersPerCampaign", "60");
                var home = await host.Browser("fr").GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, home.StatusCode);
                var html = await home.Content.ReadAsStringAsync();
                Assert.Equal(3, html.Split("class=\"card\"").Length - 1);
                await host.Browser().SignAsync("palidzesim-couches", Forms.Signature("restart@example.org"));
                first = await CountsAsync(host);
                Assert.Equal(1, first.Organizations);
                Assert.Equal(3, first.Campaigns);
                Assert.Equal(181, first.Signatures);
                Assert.Equal(1, first.Members);
                Assert.True(await host.Data.QueryAsync(db => db.Members.AnyAsync(m => m.NormalizedEmail == "first-admin@relais.localhost" && m.PasswordHash != null)));
            }
            Assert.True(File.Exists(Path.Combine(folder, "relais.db")));

            await using (var restarted = SqliteHost.OnFolder(folder))
            {
                restarted.Set("Relais:Startup:SeedDemo", "true");
                var page = await restarted.Browser("en").GetAsync("/c/palidzesim-couches");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(first, await CountsAsync(restarted));
                Assert.Contains("<span data-count>61</span>", await page.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static async Task<(int, int, int, int, int)> CountsAsync(RelaisHost host) =>
        await host.Data.QueryAsync(async db => (
            await db.Organizations.CountAsync(),
            await db.Campaigns.CountAsync(c => c.IsPublished),
            await db.Supporters.CountAsync(),
            await db.Activities.CountAsync(a => a.Type == Relais.Activities.ActivityType.Signed),
            await db.Members.CountAsync()));
}
