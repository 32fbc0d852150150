using Relais.Giving;

namespace Relais.Core.Tests.Giving;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("10", 1000)]
    [InlineData("10,50", 1050)]
    [InlineData("10.5", 1050)]
    [InlineData(" 10 € ", 1000)]
    [InlineData("€10.50", 1050)]
    [InlineData("1 000,50", 100050)]
    [InlineData("1\u202F000", 100000)]
    [InlineData("1.000,50", 100050)]
    [InlineData("1,000.50", 100050)]
    [InlineData("2.500", 250000)]
    [InlineData("0,99", 99)]
    [InlineData("10,00", 1000)]
    [InlineData("EUR 25", 2500)]
    public void TryParse_HumanAmount_ReadsMinorUnits(string text, long expected)
    {
        Assert.True(MoneyParser.TryParse(text, "EUR", out var minor, out var error));
        Assert.Equal(expected, minor);
        Assert.Equal(AmountError.None, error);
    }

    [Theory]
    [InlineData("", AmountError.Missing)]
    [InlineData("   ", AmountError.Missing)]
    [InlineData("0", AmountError.NotPositive)]
    [InlineData("0,00", AmountError.NotPositive)]
    [InlineData("-5", AmountError.NotPositive)]
    [InlineData("10,5,5", AmountError.Malformed)]
    [InlineData("1.0.0", AmountError.Malformed)]
    [InlineData("ten", AmountError.Malformed)]
    [InlineData("1e5", AmountError.Malformed)]
    [InlineData("10,", AmountError.Malformed)]
    [InlineData("1,00,000", AmountError.Malformed)]
    [InlineData("10.001,5", AmountError.None)]
    [InlineData("2000000", AmountError.TooLarge)]
    [InlineData("99999999999999999999999", AmountError.TooLarge)]
    public void TryParse_BadAmount_SaysWhy(string text, AmountError expected)
    {
        var ok = MoneyParser.TryParse(text, "EUR", out var minor, out var error);
        Assert.Equal(expected, error);
        Assert.Equal(expected == AmountError.None, ok);
        if (!ok)
        {
            Assert.Equal(0, minor);
        }
    }

    [Fact]
    public void TryParse_ThreeDecimalsOnlyForThousands_RefusesCentsOfCents()
    {
        Assert.True(MoneyParser.TryParse("10,505", "EUR", out var thousands, out _));
        Assert.Equal(1_050_500, thousands);
        Assert.False(MoneyParser.TryParse("10.5,05", "EUR", out _, out var error));
        Assert.Equal(AmountError.Malformed, error);
        Assert.False(MoneyParser.TryParse("0,001", "EUR", out _, out error));
        Assert.Equal(AmountError.TooManyDecimals, error);
    }

    [Fact]
    public void TryParse_YenHasNoDecimals()
    {
        Assert.True(MoneyParser.TryParse("1,000", "JPY", out var yen, out _));
        Assert.Equal(1000, yen);
        Assert.False(MoneyParser.TryParse("10.5", "JPY", out _, out var error));
        Assert.Equal(AmountError.TooManyDecimals, error);
    }

    [Fact]
    public void TryParse_BelowCeiling_Accepted_AboveRefused()
    {
        Assert.True(MoneyParser.TryParse("500", "EUR", out _, out _, maxMinor: 50_000));
        Assert.False(MoneyParser.TryParse("500,01", "EUR", out _, out var error, maxMinor: 50_000));
        Assert.Equal(AmountError.TooLarge, error);
    }

    [Theory]
    [InlineData(1000, "fr-FR", "10 €")]
    [InlineData(1050, "fr-FR", "10,50 €")]
    [InlineData(1050, "en-GB", "€10.50")]
    [InlineData(123456700, "fr-FR", "1 234 567 €")]
    public void Format_WholeAmounts_HaveNoDecimals(long minor, string culture, string expected)
    {
        var text = new Money(minor, "EUR").Format(new System.Globalization.CultureInfo(culture));
        Assert.Equal(expected, text.Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }
}
