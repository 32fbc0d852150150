using Relais.Activities;
using Relais.Ladder;

namespace Relais.Core.Tests.Ladder;

public class LadderLevelDraftTests
{
    private static LadderLevelDraft Draft(params LadderConditionDraft[] rows) =>
        new() { Rank = 2, NameFr = "Participant", NameEn = "Participant", Conditions = [.. rows] };

    [Fact]
    public void Read_FilledRows_GivesConditionsAndSkipsBlankRows()
    {
        var result = Draft(
            new() { Type = "activity", Activity = "Donated", AtLeast = "2", WithinDays = "365" },
            new(),
            new() { Type = "groupMember", Activity = "Signed", AtLeast = "9" }).Read();

        Assert.True(result.IsValid);
        Assert.Equal([LadderCondition.Did(ActivityType.Donated, 2, 365), new LadderCondition(LadderConditionType.GroupMember)], result.Conditions);
    }

    [Fact]
    public void Read_EmptyCount_MeansOnce()
    {
        Assert.Equal([LadderCondition.Did(ActivityType.Signed)], Draft(new LadderConditionDraft { Type = "activity", Activity = "Signed" }).Read().Conditions);
    }

    [Theory]
    [InlineData("activity", "Signed", "-1", null, LadderMessages.CountOutOfRange)]
    [InlineData("activity", "Signed", "1e3", null, LadderMessages.CountOutOfRange)]
    [InlineData("activity", "Signed", "2000000", null, LadderMessages.CountOutOfRange)]
    [InlineData("activity", "Signed", "1", "-5", LadderMessages.DaysOutOfRange)]
    [InlineData("activity", "", "1", null, LadderMessages.UnknownActivity)]
    [InlineData("activity", "7", "1", null, LadderMessages.UnknownActivity)]
    [InlineData("sql'; DROP TABLE", null, null, null, LadderMessages.UnknownType)]
    public void Read_BadRow_NamesTheRowAndTheProblem(string type, string? activity, string? count, string? days, string message)
    {
        var result = Draft(new() { Type = "emailConsent" }, new() { Type = type, Activity = activity, AtLeast = count, WithinDays = days }).Read();

        Assert.Equal([new LadderRuleError(2, message)], result.Errors);
        Assert.Empty(result.Conditions);
    }

    [Fact]
    public void Read_MissingNameOrTooManyRows_IsRefused()
    {
        var nameless = Draft(new LadderConditionDraft { Type = "leadsGroup" });
        nameless.NameFr = " ";
        var crowded = Draft([.. Enumerable.Range(0, LadderRules.MaxConditions + 1).Select(_ => new LadderConditionDraft { Type = "leadsGroup" })]);

        Assert.Contains(new LadderRuleError(null, LadderMessages.NameRequired), nameless.Read().Errors);
        Assert.Contains(new LadderRuleError(null, LadderMessages.TooManyConditions), crowded.Read().Errors);
    }

    [Fact]
    public void ApplyTo_SameRulesWithOtherWording_IsNotAChangeOfRules()
    {
        var level = DefaultLadder.For(Guid.NewGuid())[1];
        var draft = LadderLevelDraft.From(level);
        draft.NameEn = "Doer";

        var unchanged = draft.ApplyTo(level, draft.Read().Conditions);
        draft.Conditions.RemoveAt(0);
        var changed = draft.ApplyTo(level, draft.Read().Conditions);

        Assert.False(unchanged);
        Assert.True(changed);
        Assert.Equal("Doer", level.NameEn);
        Assert.DoesNotContain(LadderCondition.Did(ActivityType.Signed), LadderRules.Parse(level.Rules).Conditions);
    }
}
