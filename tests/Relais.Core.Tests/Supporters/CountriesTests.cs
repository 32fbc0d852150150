using System.Globalization;
using Relais.Supporters;

namespace Relais.Core.Tests.Supporters;

public class CountriesTests
{
    [Theory]
    [InlineData("FR")]
    [InlineData("BE")]
    [InlineData("LV")]
    [InlineData("US")]
    [InlineData("KE")]
    [InlineData("PH")]
    public void IsKnown_RealCode_True(string code) => Assert.True(Countries.IsKnown(code));

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("fr")]
    [InlineData("Fr")]
    [InlineData("FRA")]
    [InlineData("001")]
    [InlineData("F")]
    public void IsKnown_UnknownOrMalformed_False(string? code) => Assert.False(Countries.IsKnown(code));

    [Fact]
    public void Codes_AllTwoUpperCaseLetters() =>
        Assert.All(Countries.Codes, c => Assert.Matches("^[A-Z]{2}$", c));

    [Fact]
    public void Codes_ManyCountries() => Assert.True(Countries.Codes.Count > 150, $"{Countries.Codes.Count} codes");

    [Fact]
    public void Name_UnknownCode_GivesCode() =>
        Assert.Equal("XX", Countries.Name("XX", CultureInfo.GetCultureInfo("fr-FR")));

    [Fact]
    public void Name_AnyCulture_RestoresCurrentUICulture()
    {
        var before = CultureInfo.CurrentUICulture;

        Countries.Name("LV", CultureInfo.GetCultureInfo("fr-FR"));

        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }

    [Theory]
    [InlineData("fr-FR", "Lettonie")]
    [InlineData("fr", "Lettonie")]
    [InlineData("en-US", "Latvia")]
    [InlineData("en", "Latvia")]
    public void Name_Culture_GivesNameInThatLanguage(string culture, string expected) =>
        Assert.Equal(expected, Countries.Name("LV", CultureInfo.GetCultureInfo(culture)));
}

public class CountryNamesEverywhereTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Name_EveryKnownCountry_HasANameInBothLanguages(string language)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        Assert.All(Relais.Supporters.Countries.Codes, code => Assert.False(string.IsNullOrWhiteSpace(Relais.Supporters.Countries.Name(code, culture))));
    }
}
