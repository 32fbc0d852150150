using System.Globalization;
using Relais.Giving;

namespace Relais.Core.Tests.Giving;

public sealed class SuggestedAmountsTests
{
    [Theory]
    [InlineData("10, 25, 50", new long[] { 1000, 2500, 5000 })]
    [InlineData("10,50, 25", new long[] { 1050, 2500 })]
    [InlineData("5; 10;20", new long[] { 500, 1000, 2000 })]
    [InlineData("50\n10", new long[] { 5000, 1000 })]
    [InlineData("10, 10, 25", new long[] { 1000, 2500 })]
    public void TryParse_TypedList_KeepsOrderInMinorUnits(string text, long[] expected)
    {
        Assert.True(SuggestedAmounts.TryParse(text, "EUR", out var amounts, out var error));
        Assert.Equal(AmountError.None, error);
        Assert.Equal(expected, amounts);
    }

    [Theory]
    [InlineData("", AmountError.Missing)]
    [InlineData("10, abc", AmountError.Malformed)]
    [InlineData("10, 0", AmountError.NotPositive)]
    [InlineData("10, -5", AmountError.NotPositive)]
    [InlineData("10,555, 3", AmountError.None)]
    [InlineData("1, 2, 3, 4, 5, 6, 7, 8, 9", AmountError.TooLarge)]
    [InlineData("10,123", AmountError.None)]
    [InlineData("10,5555", AmountError.TooManyDecimals)]
    public void TryParse_BadList_SaysWhy(string text, AmountError expected)
    {
        var ok = SuggestedAmounts.TryParse(text, "EUR", out _, out var error);
        Assert.Equal(expected == AmountError.None, ok);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Format_Amounts_RoundTripsInFrench()
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var text = SuggestedAmounts.Format([1000, 1050, 2500], "EUR", french);
        Assert.Equal("10, 10,50, 25", text);
        Assert.True(SuggestedAmounts.TryParse(text, "EUR", out var back, out _));
        Assert.Equal([1000, 1050, 2500], back);
    }
}

public sealed class DonationFormTests
{
    private static readonly Fundraiser Fundraiser = new() { SuggestedAmounts = "1000,2500", AllowCustomAmount = true };

    [Theory]
    [InlineData(null, "10,50", 1050L, AmountError.None)]
    [InlineData("2500", null, 2500L, AmountError.None)]
    [InlineData("2500", "7", 700L, AmountError.None)]
    [InlineData(null, null, 0L, AmountError.Missing)]
    [InlineData("-5", null, 0L, AmountError.NotPositive)]
    [InlineData("0", null, 0L, AmountError.NotPositive)]
    [InlineData("abc", null, 0L, AmountError.Malformed)]
    [InlineData(null, "2000000", 0L, AmountError.TooLarge)]
    [InlineData("999999999999", null, 0L, AmountError.TooLarge)]
    public void ReadAmount_ChosenOrTyped_GivesMinorUnitsOrError(string? chosen, string? typed, long minor, AmountError error)
    {
        var form = new DonationForm { Amount = chosen, OtherAmount = typed };
        Assert.Equal((minor, error), form.ReadAmount(Fundraiser));
    }

    [Fact]
    public void ReadAmount_UnsuggestedWithoutCustomAmounts_Refused()
    {
        var closed = new Fundraiser { SuggestedAmounts = "1000,2500", AllowCustomAmount = false };
        Assert.Equal(AmountError.Malformed, new DonationForm { Amount = "1234" }.ReadAmount(closed).Error);
        Assert.Equal(AmountError.Malformed, new DonationForm { OtherAmount = "12" }.ReadAmount(closed).Error);
        Assert.Equal((1000L, AmountError.None), new DonationForm { Amount = "1000" }.ReadAmount(closed));
    }

    [Fact]
    public void WallName_AnonymousOrNamed_ShowsInitialOnly()
    {
        Assert.Equal("Ana M.", new DonationForm { FirstName = " Ana ", LastName = "martin" }.WallName());
        Assert.Null(new DonationForm { FirstName = "Ana", LastName = "Martin", Anonymous = true }.WallName());
    }

    [Fact]
    public void Validate_TaxReceiptWithoutAddress_AsksForIt()
    {
        var form = new DonationForm { FirstName = "Ana", LastName = "M", Email = "ana@example.org", Method = "offline:cash", WantsTaxReceipt = true };
        var fields = form.Validate(messagesAllowed: true).Select(e => e.Field).ToList();
        Assert.Contains(nameof(DonationForm.StreetAddress), fields);
        Assert.Contains(nameof(DonationForm.City), fields);
        Assert.Contains(nameof(DonationForm.Country), fields);
        Assert.Empty((form with { WantsTaxReceipt = false }).Validate(messagesAllowed: true));
    }
}
