using Relais.Activities;
using Relais.Ladder;

namespace Relais.Core.Tests.Ladder;

public class LadderPlacementTests
{
    private static readonly IReadOnlyList<LadderStep> Default =
        DefaultLadder.For(Guid.NewGuid()).Select(LadderRules.StepOf).ToList();

    [Fact]
    public void Place_NoFacts_IsRankZero()
    {
        Assert.Equal(new Placement(0, LadderPlacement.NoRuleHolds), LadderPlacement.Place(Default, new SupporterFacts()));
    }

    [Fact]
    public void Place_EmailConsentGranted_IsAware()
    {
        Assert.Equal(1, LadderPlacement.Place(Default, new SupporterFacts { EmailConsentGranted = true }).Rank);
    }

    [Fact]
    public void Place_Subscribed_IsAware()
    {
        Assert.Equal(1, LadderPlacement.Place(Default, new SupporterFacts().With(ActivityType.Subscribed, 1)).Rank);
    }

    [Theory]
    [InlineData(ActivityType.Signed)]
    [InlineData(ActivityType.Donated)]
    [InlineData(ActivityType.Pledged)]
    [InlineData(ActivityType.Rsvped)]
    [InlineData(ActivityType.Attended)]
    public void Place_OneParticipation_IsParticipant(ActivityType type)
    {
        var placement = LadderPlacement.Place(Default, new SupporterFacts().With(type, 1));

        Assert.Equal(2, placement.Rank);
        Assert.Equal($"{type} at least 1", placement.Reason);
    }

    [Theory]
    [InlineData(ActivityType.Referred, 1)]
    [InlineData(ActivityType.Referred, 3)]
    [InlineData(ActivityType.Hosted, 1)]
    [InlineData(ActivityType.Submitted, 1)]
    public void Place_Mobilising_IsMobiliser(ActivityType type, int count)
    {
        Assert.Equal(3, LadderPlacement.Place(Default, new SupporterFacts().With(type, count).With(ActivityType.Signed, 1)).Rank);
    }

    [Fact]
    public void Place_SharedWithoutConversion_StaysParticipant()
    {
        Assert.Equal(2, LadderPlacement.Place(Default, new SupporterFacts().With(ActivityType.Shared, 5).With(ActivityType.Signed, 1)).Rank);
    }

    [Fact]
    public void Place_LeaderWhoNeverActedOnline_HighestLevelWins()
    {
        var facts = new SupporterFacts { LeadsGroup = true, EmailConsentGranted = true };

        var placement = LadderPlacement.Place(Default, facts);

        Assert.Equal(new Placement(4, "leads a local group"), placement);
    }

    [Fact]
    public void Place_PlainGroupMember_IsNotLeader()
    {
        Assert.Equal(0, LadderPlacement.Place(Default, new SupporterFacts { InGroup = true }).Rank);
    }

    [Fact]
    public void Place_TimeWindow_CountsOnlyRecentActivities()
    {
        LadderStep[] steps = [new(1, [LadderCondition.Did(ActivityType.Signed)]), new(2, [LadderCondition.Did(ActivityType.Signed, 2, 30)])];
        var recent = new SupporterFacts().With(ActivityType.Signed, 5).With(ActivityType.Signed, 2, 30);
        var old = new SupporterFacts().With(ActivityType.Signed, 5).With(ActivityType.Signed, 1, 30);

        Assert.Equal(new Placement(2, "Signed at least 2 in the last 30 days"), LadderPlacement.Place(steps, recent));
        Assert.Equal(1, LadderPlacement.Place(steps, old).Rank);
    }

    [Fact]
    public void Place_RulesTightened_SupporterGoesDown()
    {
        var facts = new SupporterFacts().With(ActivityType.Referred, 1).With(ActivityType.Signed, 1);
        LadderStep[] tightened = [Default[0], Default[1], new(3, [LadderCondition.Did(ActivityType.Referred, 3)]), Default[3]];

        Assert.Equal(3, LadderPlacement.Place(Default, facts).Rank);
        Assert.Equal(2, LadderPlacement.Place(tightened, facts).Rank);
    }

    [Fact]
    public void Place_LevelWithoutConditions_IsSkipped()
    {
        LadderStep[] steps = [new(1, [LadderCondition.Did(ActivityType.Signed)]), new(2, [])];

        Assert.Equal(1, LadderPlacement.Place(steps, new SupporterFacts().With(ActivityType.Signed, 9)).Rank);
    }
}
