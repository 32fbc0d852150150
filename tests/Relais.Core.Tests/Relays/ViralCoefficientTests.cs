using Relais.Relays;

namespace Relais.Core.Tests.Relays;

public sealed class ViralCoefficientTests
{
    [Theory]
    [InlineData(3, 4, 0.75)]
    [InlineData(0, 10, 0)]
    [InlineData(12, 8, 1.5)]
    [InlineData(5, 0, 0)]
    [InlineData(-1, 4, 0)]
    public void Of_NewSupportersAndSupporters_IsTheirRatio(int brought, int supporters, double expected)
    {
        Assert.Equal(expected, ViralCoefficient.Of(brought, supporters), 6);
    }
}

public sealed class RelayBoardNamesTests
{
    [Theory]
    [InlineData("Ana", "martin", "Ana M.")]
    [InlineData("  Zoé ", " Éluard", "Zoé É.")]
    [InlineData("Ana", "", "Ana")]
    public void Default_FirstNameAndInitial(string first, string last, string expected)
    {
        Assert.Equal(expected, RelayBoardNames.Default(first, last));
    }

    [Theory]
    [InlineData(null, "Ana M.")]
    [InlineData("   ", "Ana M.")]
    [InlineData("  The   Nappy  Squad ", "The Nappy Squad")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void Choose_TypedNameOrDefault(string? typed, string expected)
    {
        Assert.Equal(expected, RelayBoardNames.Choose(typed, "Ana", "Martin"));
    }

    [Fact]
    public void Choose_TooLong_IsClipped()
    {
        Assert.Equal(RelayBoardNames.MaxLength, RelayBoardNames.Choose(new string('x', 500), "Ana", "Martin").Length);
    }
}
