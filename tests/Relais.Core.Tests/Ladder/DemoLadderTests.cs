using Microsoft.EntityFrameworkCore;
using Relais.Core.Tests.Demo;
using Relais.Groups;

namespace Relais.Core.Tests.Ladder;

public class DemoLadderTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedAsync_SmallScale_CreatesTheDefaultLadderAndAHistoryThatEndsWhereSupportersStand()
    {
        await using var db = demo.Database.Open();
        var organization = demo.Result.OrganizationId;

        var levels = await db.LadderLevels.Where(l => l.OrganizationId == organization).OrderBy(l => l.Rank).Select(l => l.NameEn).ToListAsync(Ct);
        var mobiliserActions = await db.Petitions.Where(p => p.OrganizationId == organization && p.LadderRank == 3)
            .Select(p => p.Campaign!.Slug).ToListAsync(Ct);
        var supporters = await db.Supporters.Where(s => s.OrganizationId == organization)
            .Select(s => new { s.Id, s.LadderRank, s.LadderEvaluatedAt, s.LastActiveAt }).ToListAsync(Ct);
        var moves = await db.LadderMoves.Where(m => m.OrganizationId == organization).ToListAsync(Ct);
        var leaders = await db.GroupMemberships.Where(m => m.OrganizationId == organization && m.Role == GroupRole.Leader)
            .Select(m => m.SupporterId).ToListAsync(Ct);

        Assert.Equal(["Aware", "Participant", "Mobiliser", "Leader"], levels);
        Assert.Equal(["350-journee-action"], mobiliserActions);
        var lastMoves = moves.GroupBy(m => m.SupporterId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.MovedAt)!.ToRank);
        Assert.All(supporters, s => Assert.Equal(s.LadderRank, lastMoves[s.Id]));
        Assert.All(supporters, s => Assert.True(s.LadderEvaluatedAt >= s.LastActiveAt, "Demo supporters start placed, not due."));
        Assert.Contains(moves, m => m.ToRank < m.FromRank);
        Assert.NotEmpty(leaders);
        Assert.All(leaders, id => Assert.Equal(4, supporters.Single(s => s.Id == id).LadderRank));
        Assert.All(moves, m => Assert.True(m.MovedAt <= SeededDemo.Now));
        Assert.True(moves.Select(m => m.MovedAt.Date).Distinct().Count() > 10, "Moves spread over the demo period.");
    }
}
