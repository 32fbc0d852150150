using Relais.Campaigns;

namespace Relais.Core.Tests.Campaigns;

public class CampaignTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Campaign WithTexts(string languages, params string[] textLanguages) => new()
    {
        Slug = "sauvons-la-bibliotheque",
        Languages = languages,
        Texts = textLanguages.Select(l => new CampaignText { Language = l, Title = "title-" + l }).ToList(),
    };

    [Fact]
    public void TextFor_LanguagePresent_GivesThatText() =>
        Assert.Equal("title-en", WithTexts("fr,en", "fr", "en").TextFor("en")?.Title);

    [Fact]
    public void TextFor_LanguageMissing_FallsBackToMainLanguage() =>
        Assert.Equal("title-en", WithTexts("en,fr", "fr", "en").TextFor("de")?.Title);

    [Fact]
    public void TextFor_TranslationNotWritten_FallsBackToMainLanguage() =>
        Assert.Equal("title-fr", WithTexts("fr,en", "fr").TextFor("en")?.Title);

    [Fact]
    public void TextFor_MainLanguageTextMissing_GivesAnyText() =>
        Assert.Equal("title-en", WithTexts("fr,en", "en").TextFor("fr")?.Title);

    [Fact]
    public void TextFor_NoText_GivesNull() => Assert.Null(WithTexts("fr").TextFor("fr"));

    [Fact]
    public void LanguageList_SpacesAndEmptyEntries_Ignored() =>
        Assert.Equal(new[] { "en", "fr" }, WithTexts(" en , ,fr").LanguageList);

    [Fact]
    public void Publish_FirstTime_SetsPublishedAt()
    {
        var campaign = WithTexts("fr", "fr");

        campaign.Publish(Monday);

        Assert.True(campaign.IsPublished);
        Assert.Equal(Monday, campaign.PublishedAt);
        Assert.Equal(Monday, campaign.UpdatedAt);
    }

    [Fact]
    public void Publish_Again_KeepsFirstPublishedAt()
    {
        var campaign = WithTexts("fr", "fr");
        var later = Monday.AddDays(3);
        campaign.Publish(Monday);
        campaign.Unpublish(Monday.AddDays(1));

        campaign.Publish(later);

        Assert.True(campaign.IsPublished);
        Assert.Equal(Monday, campaign.PublishedAt);
        Assert.Equal(later, campaign.UpdatedAt);
    }

    [Fact]
    public void Unpublish_Published_HidesAndTouches()
    {
        var campaign = WithTexts("fr", "fr");
        var tuesday = Monday.AddDays(1);
        campaign.Publish(Monday);

        campaign.Unpublish(tuesday);

        Assert.False(campaign.IsPublished);
        Assert.Equal(tuesday, campaign.UpdatedAt);
    }

    [Fact]
    public void New_Default_NotPublishedAndFrench()
    {
        var campaign = new Campaign { Slug = "x" };

        Assert.False(campaign.IsPublished);
        Assert.Null(campaign.PublishedAt);
        Assert.Equal(new[] { "fr" }, campaign.LanguageList);
    }
}
