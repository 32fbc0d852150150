using Relais.Campaigns;

namespace Relais.Core.Tests.Campaigns;

public class CampaignCanvasTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("sauvons-la-bibliotheque")]
    [InlineData("loi-2026")]
    [InlineData("123")]
    public void IsValidSlug_LowerCaseWordsAndDashes_True(string slug) =>
        Assert.True(CampaignCanvas.IsValidSlug(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sauvons")]
    [InlineData("sauvons la")]
    [InlineData("-sauvons")]
    [InlineData("sauvons-")]
    [InlineData("sauvons--la")]
    [InlineData("bibliothèque")]
    [InlineData("sauvons_la")]
    [InlineData("sauvons/la")]
    [InlineData("\nsauvons")]
    [InlineData("sau\nvons")]
    public void IsValidSlug_Malformed_False(string? slug) =>
        Assert.False(CampaignCanvas.IsValidSlug(slug));

    [Fact]
    public void IsValidSlugOrHashtag_TrailingNewline_False()
    {
        Assert.False(CampaignCanvas.IsValidSlug("sauvons\n"));
        Assert.False(CampaignCanvas.IsValidHashtag("#tag\n"));
    }

    [Fact]
    public void IsValidSlug_AtMaxLength_True() =>
        Assert.True(CampaignCanvas.IsValidSlug(new string('a', CampaignCanvas.SlugMax)));

    [Fact]
    public void IsValidSlug_OverMaxLength_False() =>
        Assert.False(CampaignCanvas.IsValidSlug(new string('a', CampaignCanvas.SlugMax + 1)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("#SauvonsLaBiblio")]
    [InlineData("SauvonsLaBiblio")]
    [InlineData("#bibliothèque_d_Édouard")]
    [InlineData("#Ærø2026")]
    [InlineData("#москва")]
    public void IsValidHashtag_OneWordOrNone_True(string? hashtag) =>
        Assert.True(CampaignCanvas.IsValidHashtag(hashtag));

    [Theory]
    [InlineData("#")]
    [InlineData("##tag")]
    [InlineData("#sauvons la")]
    [InlineData("sauvons la")]
    [InlineData(" #tag")]
    [InlineData("#tag-2")]
    [InlineData("#tag!")]
    [InlineData("#tag#autre")]
    [InlineData("#<script>")]
    public void IsValidHashtag_NotOneWord_False(string hashtag) =>
        Assert.False(CampaignCanvas.IsValidHashtag(hashtag));

    [Fact]
    public void IsValidHashtag_AtMaxLength_True() =>
        Assert.True(CampaignCanvas.IsValidHashtag("#" + new string('é', CampaignCanvas.HashtagMax - 1)));

    [Fact]
    public void IsValidHashtag_OverMaxLength_False() =>
        Assert.False(CampaignCanvas.IsValidHashtag("#" + new string('a', CampaignCanvas.HashtagMax)));

    [Theory]
    [InlineData("tag", "#tag")]
    [InlineData("#tag", "#tag")]
    [InlineData("  #Été ", "#Été")]
    [InlineData(" été", "#été")]
    public void NormalizeHashtag_WithOrWithoutHash_GivesOneLeadingHash(string hashtag, string expected) =>
        Assert.Equal(expected, CampaignCanvas.NormalizeHashtag(hashtag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NormalizeHashtag_Blank_GivesNull(string? hashtag) =>
        Assert.Null(CampaignCanvas.NormalizeHashtag(hashtag));

    [Fact]
    public void ParseLanguages_UnknownRepeatsAndCase_FilteredInOrder() =>
        Assert.Equal(
            new[] { "en", "fr" },
            CampaignCanvas.ParseLanguages(["de", " EN ", "fr", "en", "Fr", "", "es"]));

    [Fact]
    public void ParseLanguages_FrenchFirst_KeepsFrenchFirst() =>
        Assert.Equal(new[] { "fr", "en" }, CampaignCanvas.ParseLanguages(["fr", "en"]));

    [Fact]
    public void ParseLanguages_OnlyUnknown_GivesEmpty() =>
        Assert.Empty(CampaignCanvas.ParseLanguages(["de", "fr-FR", "english"]));

    [Theory]
    [InlineData("Sauvons la bibliothèque d'Édouard !", "sauvons-la-bibliotheque-d-edouard")]
    [InlineData("  Non à la fermeture  ", "non-a-la-fermeture")]
    [InlineData("Loi 2026 : ça suffit !!!", "loi-2026-ca-suffit")]
    [InlineData("Crème brûlée", "creme-brulee")]
    [InlineData("ABC", "abc")]
    public void SlugFrom_Title_GivesLowerCaseDashedAsciiSlug(string title, string expected) =>
        Assert.Equal(expected, CampaignCanvas.SlugFrom(title));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("«»")]
    public void SlugFrom_NothingUsable_GivesCampaign(string title) =>
        Assert.Equal("campaign", CampaignCanvas.SlugFrom(title));

    [Fact]
    public void SlugFrom_LongTitle_CappedAtSlugMax() =>
        Assert.Equal(new string('a', CampaignCanvas.SlugMax), CampaignCanvas.SlugFrom(new string('a', 200)));

    [Fact]
    public void SlugFrom_CutAtDash_NoTrailingDash()
    {
        // 79 letters, a space, then more words: the cut at SlugMax falls just after the dash.
        var slug = CampaignCanvas.SlugFrom(new string('a', CampaignCanvas.SlugMax - 1) + " bbbb cccc");

        Assert.Equal(new string('a', CampaignCanvas.SlugMax - 1), slug);
        Assert.False(slug.EndsWith('-'));
    }

    [Theory]
    [InlineData("Sauvons la bibliothèque d'Édouard !")]
    [InlineData("Œuvre — « grand » projet ; 100 % local")]
    [InlineData("Łódź, Kraków & Gdańsk")]
    [InlineData("Стоп!")]
    [InlineData("x y z x y z x y z x y z x y z x y z x y z x y z x y z x y z x y z x y z x y z x y z x y z")]
    public void SlugFrom_AnyTitle_GivesValidSlug(string title) =>
        Assert.True(CampaignCanvas.IsValidSlug(CampaignCanvas.SlugFrom(title)));
}
