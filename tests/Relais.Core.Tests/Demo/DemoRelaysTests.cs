using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Relays;

namespace Relais.Core.Tests.Demo;

public class DemoRelaysTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedAsync_SmallScale_EveryCampaignHasRelaysClicksAndATreeDeeperThanOne()
    {
        await using var db = demo.Database.Open();
        var campaigns = await db.Campaigns.Where(c => c.OrganizationId == demo.Result.OrganizationId).Select(c => c.Id).ToListAsync(Ct);

        foreach (var campaign in campaigns)
        {
            var report = await RelayReport.BuildAsync(db, demo.Result.OrganizationId, campaign, Ct);

            Assert.NotNull(report);
            Assert.True(report.Clicks > report.Conversions, $"{report.Clicks} clicks, {report.Conversions} conversions");
            Assert.InRange(report.ViralCoefficient, 0.05, 0.5);
            Assert.True(report.Tree.Depth >= 2, $"depth {report.Tree.Depth}");
            Assert.True(report.Networks.Count(n => n.Clicks > 0) >= 3);
            Assert.NotEmpty(await RelayBoard.TopAsync(db, demo.Result.OrganizationId, campaign, Ct));
        }
    }

    [Fact]
    public async Task SeedAsync_SmallScale_RelaysAreEarlierSupportersAndNeverThemselves()
    {
        await using var db = demo.Database.Open();
        var people = await db.Supporters.Where(s => s.OrganizationId == demo.Result.OrganizationId)
            .Select(s => new { s.Id, s.ReferredById, s.CreatedAt }).ToListAsync(Ct);
        var created = people.ToDictionary(p => p.Id, p => p.CreatedAt);
        var credits = await db.Activities.Where(a => a.OrganizationId == demo.Result.OrganizationId && a.Type == ActivityType.Referred)
            .Select(a => new { a.SupporterId, a.ReferredSupporterId, a.ActionId }).ToListAsync(Ct);

        Assert.All(people.Where(p => p.ReferredById is not null), p => Assert.True(created[p.ReferredById!.Value] <= p.CreatedAt));
        Assert.DoesNotContain(credits, c => c.SupporterId == c.ReferredSupporterId);
        Assert.Equal(credits.Count, credits.Distinct().Count());
    }
}
