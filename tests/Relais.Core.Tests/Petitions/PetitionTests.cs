using Relais.Petitions;

namespace Relais.Core.Tests.Petitions;

public class PetitionTests
{
    [Theory]
    [InlineData(0, 1_000, 0)]
    [InlineData(1, 1_000, 0)]
    [InlineData(250, 1_000, 25)]
    [InlineData(999, 1_000, 99)]
    [InlineData(1_000, 1_000, 100)]
    [InlineData(5_000, 1_000, 100)]
    public void ProgressPercent_CountAndGoal_GivesCappedPercent(int count, int goal, int expected) =>
        Assert.Equal(expected, Petition.ProgressPercent(count, goal));

    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    public void ProgressPercent_ZeroGoal_Gives100(int count) =>
        Assert.Equal(100, Petition.ProgressPercent(count, 0));

    [Theory]
    [InlineData(2_000_000_000, 3, 100)]
    [InlineData(int.MaxValue, int.MaxValue, 100)]
    [InlineData(1_000_000_000, 2_000_000_000, 50)]
    [InlineData(30_000_000, 100_000_000, 30)]
    public void ProgressPercent_BigNumbers_NoOverflow(int count, int goal, int expected) =>
        Assert.Equal(expected, Petition.ProgressPercent(count, goal));

    [Theory]
    [InlineData(0, 1_000)]
    [InlineData(999, 1_000)]
    [InlineData(10, 100_000_000)]
    public void DisplayedGoal_BelowGoal_GivesGoal(int count, int goal) =>
        Assert.Equal(goal, Petition.DisplayedGoal(count, goal));

    [Theory]
    [InlineData(1_000, 1_000, 2_000)]
    [InlineData(1_999, 1_000, 2_000)]
    [InlineData(2_000, 1_000, 4_000)]
    [InlineData(7_500, 1_000, 8_000)]
    [InlineData(8_000, 1_000, 16_000)]
    [InlineData(1, 1, 2)]
    public void DisplayedGoal_AtOrOverGoal_DoublesUntilAboveCount(int count, int goal, int expected) =>
        Assert.Equal(expected, Petition.DisplayedGoal(count, goal));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public void DisplayedGoal_ZeroGoal_GivesOne(int count) =>
        Assert.Equal(1, Petition.DisplayedGoal(count, 0));

    [Fact]
    public void DisplayedGoal_HugeCount_StaysAboveCount() =>
        Assert.True(Petition.DisplayedGoal(1_100_000_000, 1) > 1_100_000_000);
}
