using Relais.Organizations;

namespace Relais.Core.Tests.Organizations;

public class LanguagesTests
{
    [Theory]
    [InlineData("fr-BE", "fr")]
    [InlineData("fr", "fr")]
    [InlineData("FR-ca", "fr")]
    [InlineData("en-US", "en")]
    [InlineData("en_GB", "en")]
    [InlineData("EN", "en")]
    public void Closest_SupportedCulture_GivesItsLanguage(string culture, string expected) =>
        Assert.Equal(expected, Languages.Closest(culture, fallback: "xx"));

    [Theory]
    [InlineData("de")]
    [InlineData("de-CH")]
    [InlineData("frr")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Closest_UnsupportedOrMissing_GivesFallback(string? culture) =>
        Assert.Equal("en", Languages.Closest(culture, fallback: "en"));

    [Fact]
    public void Closest_NoFallbackGiven_GivesFrench() => Assert.Equal("fr", Languages.Closest("de"));

    [Theory]
    [InlineData("fr", true)]
    [InlineData("en", true)]
    [InlineData("FR", false)]
    [InlineData("de", false)]
    [InlineData(null, false)]
    public void IsSupported_Code_OnlyFrenchAndEnglish(string? code, bool expected) =>
        Assert.Equal(expected, Languages.IsSupported(code));
}
