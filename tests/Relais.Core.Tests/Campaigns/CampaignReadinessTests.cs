using Relais.Campaigns;
using Relais.Petitions;
using Gap = Relais.Campaigns.CampaignReadiness.Gap;

namespace Relais.Core.Tests.Campaigns;

public class CampaignReadinessTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static CampaignText FullText(string language) => new()
    {
        Language = language,
        Title = "Sauvons la bibliothèque " + language,
        Ask = "Garder la bibliothèque ouverte le dimanche",
        Target = "La maire, Mme Martin",
        TheoryOfChange = "Le conseil vote en juin",
        Base = "Les usagers et les parents d'élèves",
        Allies = "Le syndicat des bibliothécaires",
        CallToAction = "Signez et venez au conseil",
        Story = "Chaque dimanche, **300 familles**…",
        Hook = "Un dimanche sans livres",
    };

    private static Campaign Full() => new()
    {
        Slug = "sauvons-la-bibliotheque",
        Languages = "fr,en",
        Deadline = Today.AddDays(30),
        Hashtag = "#SauvonsLaBiblio",
        Texts = [FullText("fr"), FullText("en")],
        Petition = new Petition { Goal = 1_000 },
    };

    [Fact]
    public void Gaps_FullyFilledCampaign_None() => Assert.Empty(CampaignReadiness.Gaps(Full(), Today));

    [Theory]
    [InlineData(Gap.Ask)]
    [InlineData(Gap.Target)]
    [InlineData(Gap.TheoryOfChange)]
    [InlineData(Gap.Base)]
    [InlineData(Gap.Allies)]
    [InlineData(Gap.CallToAction)]
    [InlineData(Gap.Story)]
    public void Gaps_FieldBlankInOneLanguage_GivesThatGap(Gap gap)
    {
        var campaign = Full();
        var english = campaign.Texts[1];
        switch (gap)
        {
            case Gap.Ask: english.Ask = ""; break;
            case Gap.Target: english.Target = "  "; break;
            case Gap.TheoryOfChange: english.TheoryOfChange = ""; break;
            case Gap.Base: english.Base = "\n"; break;
            case Gap.Allies: english.Allies = ""; break;
            case Gap.CallToAction: english.CallToAction = ""; break;
            case Gap.Story: english.Story = " "; break;
            default: throw new ArgumentOutOfRangeException(nameof(gap));
        }

        Assert.Equal(gap, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Fact]
    public void Gaps_NoDeadline_GivesDeadline()
    {
        var campaign = Full();
        campaign.Deadline = null;

        Assert.Equal(Gap.Deadline, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Fact]
    public void Gaps_PastDeadline_GivesDeadline()
    {
        var campaign = Full();
        campaign.Deadline = Today.AddDays(-1);

        Assert.Equal(Gap.Deadline, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Fact]
    public void Gaps_DeadlineToday_NoGap()
    {
        var campaign = Full();
        campaign.Deadline = Today;

        Assert.Empty(CampaignReadiness.Gaps(campaign, Today));
    }

    [Fact]
    public void Gaps_NoPetition_GivesPetition()
    {
        var campaign = Full();
        campaign.Petition = null;

        Assert.Equal(Gap.Petition, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Fact]
    public void Gaps_LanguageListedWithoutText_GivesLanguages()
    {
        var campaign = Full();
        campaign.Texts.RemoveAll(t => t.Language == "en");

        Assert.Equal(Gap.Languages, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Fact]
    public void Gaps_LanguageWithBlankTitle_GivesLanguages()
    {
        var campaign = Full();
        campaign.Texts[0].Title = " ";

        Assert.Equal(Gap.Languages, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Fact]
    public void Gaps_NoLanguage_GivesLanguagesAndEveryTextGap()
    {
        var campaign = Full();
        campaign.Languages = "";

        var gaps = CampaignReadiness.Gaps(campaign, Today);

        Assert.Contains(Gap.Languages, gaps);
        Assert.Contains(Gap.Ask, gaps);
        Assert.Contains(Gap.Story, gaps);
        Assert.DoesNotContain(Gap.Petition, gaps);
    }

    [Fact]
    public void Gaps_NoHashtagNoImageNoHookText_GivesHook()
    {
        var campaign = Full();
        campaign.Hashtag = null;
        campaign.HookImageId = null;
        campaign.Texts.ForEach(t => t.Hook = "");

        Assert.Equal(Gap.Hook, Assert.Single(CampaignReadiness.Gaps(campaign, Today)));
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Gaps_HashtagOrImageOrHookText_NoHookGap(bool hashtag, bool image, bool hookText)
    {
        var campaign = Full();
        campaign.Hashtag = hashtag ? "#SauvonsLaBiblio" : " ";
        campaign.HookImageId = image ? Guid.CreateVersion7() : null;
        campaign.Texts.ForEach(t => t.Hook = "");
        if (hookText)
        {
            campaign.Texts[1].Hook = "Un dimanche sans livres";
        }

        Assert.DoesNotContain(Gap.Hook, CampaignReadiness.Gaps(campaign, Today));
    }

    [Fact]
    public void Gaps_EmptyCampaign_EveryGapInCanvasOrder()
    {
        var campaign = new Campaign { Slug = "x" };

        Assert.Equal(
            new[]
            {
                Gap.Languages, Gap.Ask, Gap.Target, Gap.TheoryOfChange, Gap.Base, Gap.Allies,
                Gap.CallToAction, Gap.Deadline, Gap.Story, Gap.Hook, Gap.Petition,
            },
            CampaignReadiness.Gaps(campaign, Today));
    }
}
