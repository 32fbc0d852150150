using Relais.Activities;
using Relais.Ladder;

namespace Relais.Core.Tests.Ladder;

public class LadderRulesTests
{
    [Fact]
    public void Parse_EveryConditionType_ReadsThemInOrder()
    {
        var result = LadderRules.Parse("""
            [{"type":"activity","activity":"Signed","atLeast":2,"withinDays":30},
             {"type":"emailConsent"},{"type":"leadsGroup"},{"type":"groupMember"},
             {"type":"activity","activity":"Referred"}]
            """);

        Assert.True(result.IsValid, string.Join(", ", result.Errors));
        Assert.Equal(
            [
                LadderCondition.Did(ActivityType.Signed, 2, 30),
                new LadderCondition(LadderConditionType.EmailConsent),
                new LadderCondition(LadderConditionType.LeadsGroup),
                new LadderCondition(LadderConditionType.GroupMember),
                LadderCondition.Did(ActivityType.Referred, 1),
            ],
            result.Conditions);
    }

    [Theory]
    [InlineData("[{\"type\":\"telepathy\"}]", LadderMessages.UnknownType)]
    [InlineData("[{\"activity\":\"Signed\"}]", LadderMessages.UnknownType)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Flew\"}]", LadderMessages.UnknownActivity)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"3\"}]", LadderMessages.UnknownActivity)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Signed\",\"atLeast\":-1}]", LadderMessages.CountOutOfRange)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Signed\",\"atLeast\":0}]", LadderMessages.CountOutOfRange)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Signed\",\"atLeast\":1.5}]", LadderMessages.CountOutOfRange)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Signed\",\"atLeast\":\"3\"}]", LadderMessages.CountOutOfRange)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Signed\",\"withinDays\":0}]", LadderMessages.DaysOutOfRange)]
    [InlineData("[{\"type\":\"activity\",\"activity\":\"Signed\",\"withinDays\":99999}]", LadderMessages.DaysOutOfRange)]
    [InlineData("[{\"type\":\"emailConsent\",\"atLeast\":3}]", LadderMessages.UnknownField)]
    [InlineData("[3]", LadderMessages.NotAnObject)]
    [InlineData("{\"type\":\"emailConsent\"}", LadderMessages.NotAList)]
    [InlineData("[{\"type\":", LadderMessages.NotJson)]
    public void Parse_BadRules_SaysWhy(string json, string message)
    {
        var result = LadderRules.Parse(json);

        Assert.False(result.IsValid);
        Assert.Empty(result.Conditions);
        Assert.Contains(result.Errors, e => e.MessageKey == message);
    }

    [Fact]
    public void Parse_TooManyConditions_IsRefused()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("{\"type\":\"emailConsent\"}", LadderRules.MaxConditions + 1)) + "]";

        var result = LadderRules.Parse(json);

        Assert.Equal([new LadderRuleError(null, LadderMessages.TooManyConditions)], result.Errors);
    }

    [Fact]
    public void Parse_ErrorInSecondCondition_NamesIt()
    {
        var result = LadderRules.Parse("[{\"type\":\"leadsGroup\"},{\"type\":\"activity\",\"activity\":\"Signed\",\"atLeast\":-4}]");

        Assert.Equal([new LadderRuleError(2, LadderMessages.CountOutOfRange)], result.Errors);
    }

    [Fact]
    public void ToJson_ThenParse_GivesTheSameConditions()
    {
        LadderCondition[] conditions = [LadderCondition.Did(ActivityType.Hosted, 2, 365), new(LadderConditionType.GroupMember)];

        var result = LadderRules.Parse(LadderRules.ToJson(conditions));

        Assert.Equal(conditions, result.Conditions);
    }

    [Fact]
    public void DefaultLadder_HasFourValidLevelsInBothLanguages()
    {
        var levels = DefaultLadder.For(Guid.NewGuid());

        Assert.Equal([1, 2, 3, 4], levels.Select(l => l.Rank));
        Assert.Equal(["Aware", "Participant", "Mobiliser", "Leader"], levels.Select(l => l.NameEn));
        Assert.All(levels, l => Assert.True(LadderRules.Parse(l.Rules) is { IsValid: true, Conditions.Count: > 0 }));
        Assert.All(levels, l => Assert.False(string.IsNullOrWhiteSpace(l.DescriptionFr + l.NameFr)));
    }
}
