using Relais.Contests;

namespace Relais.Core.Tests.Contests;

public sealed class ContestRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ContestPeriod Period = new(Start, Start.AddDays(10), Start.AddDays(2), Start.AddDays(3));

    [Fact]
    public void BoardsAt_InsideBonus_CountsOnBothBoards() =>
        Assert.Equal([ContestBoard.Main, ContestBoard.Bonus], Period.BoardsAt(Start.AddDays(2).AddHours(5)));

    [Fact]
    public void BoardsAt_OutsideBonus_CountsOnMainOnly() =>
        Assert.Equal([ContestBoard.Main], Period.BoardsAt(Start.AddDays(3)));

    [Fact]
    public void BoardsAt_BeforeStartOrAtEnd_CountsNowhere()
    {
        Assert.Empty(Period.BoardsAt(Start.AddTicks(-1)));
        Assert.Empty(Period.BoardsAt(Start.AddDays(10)));
        Assert.True(Period.IsOver(Start.AddDays(10)));
        Assert.False(Period.IsOver(Start.AddDays(10).AddTicks(-1)));
    }

    [Fact]
    public void Problems_BonusOutsideOrHalfGiven_Reported()
    {
        Assert.Empty(Period.Problems());
        Assert.Contains(ContestMessages.EndsBeforeStart, (Period with { EndsAt = Start }).Problems());
        Assert.Contains(ContestMessages.BonusOutside, (Period with { BonusEndsAt = Start.AddDays(11) }).Problems());
        Assert.Contains(ContestMessages.BonusIncomplete, (Period with { BonusEndsAt = null }).Problems());
    }

    [Fact]
    public void Rank_ByAmount_TiesBrokenByDonorsThenName()
    {
        var a = new ContestStanding(Guid.NewGuid(), "Bravo", 1_000, 3, 2);
        var b = new ContestStanding(Guid.NewGuid(), "Alpha", 1_000, 3, 2);
        var c = new ContestStanding(Guid.NewGuid(), "Charlie", 1_000, 5, 4);
        var d = new ContestStanding(Guid.NewGuid(), "Delta", 5_000, 1, 1);

        var ranked = ContestRanking.Rank([a, b, c, d], ContestOrder.Amount);

        Assert.Equal(["Delta", "Charlie", "Alpha", "Bravo"], ranked.Select(s => s.DisplayName));
        Assert.Equal([1, 2, 3, 4], ranked.Select(s => s.Rank));
    }

    [Fact]
    public void Rank_ByDonors_MostUniqueDonorsFirst()
    {
        var many = new ContestStanding(Guid.NewGuid(), "Many", 100, 9, 9);
        var rich = new ContestStanding(Guid.NewGuid(), "Rich", 100_000, 1, 1);

        Assert.Equal(["Many", "Rich"], ContestRanking.Rank([rich, many], ContestOrder.Donors).Select(s => s.DisplayName));
    }

    [Fact]
    public void Codes_Normalize_IgnoresCaseAndSpaces() =>
        Assert.Equal("ABC234", ContestCodes.Normalize(" abc-234 "));
}
