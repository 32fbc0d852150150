using Microsoft.EntityFrameworkCore;
using Relais.Contests;

namespace Relais.Core.Tests.Demo;

public class DemoContestsTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedAsync_CriticalExposure_LeadsItsContestWithTalliesMatchingDonations()
    {
        await using var db = demo.Database.Open();
        var contest = await db.Contests.SingleAsync(c => c.Slug == "defi-des-dons", Ct);
        var board = await ContestStandings.ReadAsync(db, contest.Id, ContestBoard.Main, ContestOrder.Donors, Ct);
        var exposure = await db.Campaigns.Where(c => c.Slug == "critical-exposure-concours")
            .Join(db.Fundraisers, c => c.Id, f => f.CampaignId, (c, f) => f).SingleAsync(Ct);
        var entry = await db.ContestEntries.SingleAsync(e => e.ContestId == contest.Id && e.FundraiserId == exposure.Id, Ct);
        var inPeriod = await db.Donations.Where(d => d.FundraiserId == exposure.Id).ToListAsync(Ct);
        var counted = inPeriod.Where(d => contest.Period.Counts(d.SettledAt!.Value)).ToList();

        Assert.Equal(3, board.Count);
        Assert.Equal(entry.Id, board[0].EntryId);
        Assert.Equal(counted.Sum(d => d.AmountMinor), board[0].AmountMinor);
        Assert.Equal(counted.Select(d => d.SupporterId).Distinct().Count(), board[0].DonorCount);
        Assert.Equal(exposure.RaisedMinor, inPeriod.Sum(d => d.AmountMinor));
        Assert.Equal(3, await db.ContestEntries.CountAsync(e => e.TeamId != null, Ct));
    }
}
