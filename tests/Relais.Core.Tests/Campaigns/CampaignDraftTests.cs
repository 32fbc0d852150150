using Relais.Campaigns;
using Relais.Petitions;

namespace Relais.Core.Tests.Campaigns;

public class CampaignDraftTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CampaignDraft Valid() => new()
    {
        Slug = "sauvons-la-bibliotheque",
        Languages = ["fr", "en"],
        Deadline = new DateOnly(2026, 6, 30),
        Hashtag = "SauvonsLaBiblio",
        HasPetition = true,
        PetitionGoal = 5_000,
        Fr = new() { Title = "Sauvons la bibliothèque", Ask = "Ouvrir le dimanche", Story = "Chaque *dimanche*…" },
        En = new() { Title = "Save the library", Ask = "Open on Sundays", Story = "Every *Sunday*…" },
    };

    private static Campaign NewCampaign() => new() { Slug = "brouillon", OrganizationId = Guid.CreateVersion7() };

    [Fact]
    public void Validate_CompleteDraft_NoError() => Assert.Empty(Valid().Validate());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sauvons la bibliothèque")]
    [InlineData("sauvons_la")]
    public void Validate_InvalidSlug_GivesSlugInvalid(string? slug)
    {
        var draft = Valid();
        draft.Slug = slug;

        Assert.Equal(new FormError("Slug", CampaignMessages.SlugInvalid), Assert.Single(draft.Validate()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("de")]
    [InlineData("de,es")]
    [InlineData(" , ")]
    public void Validate_NoSupportedLanguage_GivesLanguageRequired(string languages)
    {
        var draft = Valid();
        draft.Languages = [.. languages.Split(',', StringSplitOptions.RemoveEmptyEntries)];

        Assert.Equal(new FormError("Languages", CampaignMessages.LanguageRequired), Assert.Single(draft.Validate()));
    }

    [Theory]
    [InlineData("sauvons la biblio")]
    [InlineData("#tag-2")]
    [InlineData("##tag")]
    public void Validate_BadHashtag_GivesHashtagInvalid(string hashtag)
    {
        var draft = Valid();
        draft.Hashtag = hashtag;

        Assert.Equal(new FormError("Hashtag", CampaignMessages.HashtagInvalid), Assert.Single(draft.Validate()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  #Été2026  ")]
    public void Validate_NoHashtagOrPaddedHashtag_NoError(string? hashtag)
    {
        var draft = Valid();
        draft.Hashtag = hashtag;

        Assert.Empty(draft.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(CampaignDraft.MaxGoal + 1)]
    [InlineData(int.MaxValue)]
    public void Validate_PetitionWithBadGoal_GivesGoalInvalid(int? goal)
    {
        var draft = Valid();
        draft.PetitionGoal = goal;

        Assert.Equal(new FormError("PetitionGoal", CampaignMessages.GoalInvalid), Assert.Single(draft.Validate()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(CampaignDraft.MaxGoal)]
    public void Validate_PetitionGoalAtBounds_NoError(int goal)
    {
        var draft = Valid();
        draft.PetitionGoal = goal;

        Assert.Empty(draft.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Validate_NoPetition_NoGoalNeeded(int? goal)
    {
        var draft = Valid();
        draft.HasPetition = false;
        draft.PetitionGoal = goal;

        Assert.Empty(draft.Validate());
    }

    [Fact]
    public void Validate_UnchosenLanguageWithoutTitle_NoError()
    {
        var draft = Valid();
        draft.Languages = ["fr"];
        draft.En = new();

        Assert.Empty(draft.Validate());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_ChosenEnglishWithoutTitle_GivesEnTitleRequired(string? title)
    {
        var draft = Valid();
        draft.En.Title = title;

        Assert.Equal(new FormError("En.Title", FormMessages.Required), Assert.Single(draft.Validate()));
    }

    [Fact]
    public void Validate_ChosenFrenchWithoutTitle_GivesFrTitleRequired()
    {
        var draft = Valid();
        draft.Fr.Title = "";

        Assert.Equal(new FormError("Fr.Title", FormMessages.Required), Assert.Single(draft.Validate()));
    }

    [Fact]
    public void Validate_OverLongTexts_GiveTooLongPrefixedByLanguage()
    {
        var draft = Valid();
        draft.Fr.Title = new string('t', CampaignCanvas.TitleMax + 1);
        draft.En.Story = new string('s', CampaignCanvas.StoryMax + 1);
        draft.En.Hook = new string('h', CampaignCanvas.ShortFieldMax + 1);

        Assert.Equal(
            new[]
            {
                new FormError("Fr.Title", FormMessages.TooLong),
                new FormError("En.Story", FormMessages.TooLong),
                new FormError("En.Hook", FormMessages.TooLong),
            },
            draft.Validate());
    }

    [Fact]
    public void Validate_TextsAtMaxWithPadding_NoError()
    {
        var draft = Valid();
        draft.Fr.Title = "  " + new string('t', CampaignCanvas.TitleMax) + "  ";
        draft.Fr.Story = new string('s', CampaignCanvas.StoryMax);

        Assert.Empty(draft.Validate());
    }

    [Fact]
    public void ApplyTo_NewCampaign_CopiesCanvasAndCreatesTexts()
    {
        var campaign = NewCampaign();
        var draft = Valid();
        draft.Languages = ["en", "fr", "de", "en"];

        draft.ApplyTo(campaign, Now);

        Assert.Equal("sauvons-la-bibliotheque", campaign.Slug);
        Assert.Equal("en,fr", campaign.Languages);
        Assert.Equal(new DateOnly(2026, 6, 30), campaign.Deadline);
        Assert.Equal("#SauvonsLaBiblio", campaign.Hashtag);
        Assert.Equal(Now, campaign.UpdatedAt);
        Assert.Equal(2, campaign.Texts.Count);
        Assert.Equal("Save the library", campaign.TextFor("en")?.Title);
        Assert.Equal("Sauvons la bibliothèque", campaign.TextFor("fr")?.Title);
        Assert.All(campaign.Texts, t => Assert.Equal(campaign.Id, t.CampaignId));
    }

    [Fact]
    public void ApplyTo_PaddedFields_Trimmed()
    {
        var campaign = NewCampaign();
        var draft = Valid();
        draft.Languages = ["fr"];
        draft.Fr = new() { Title = "  Titre \n", Ask = "\tDemande ", Story = " Histoire  ", Hook = null };
        draft.Hashtag = "  #Tag ";

        draft.ApplyTo(campaign, Now);

        var text = Assert.Single(campaign.Texts);
        Assert.Equal("Titre", text.Title);
        Assert.Equal("Demande", text.Ask);
        Assert.Equal("Histoire", text.Story);
        Assert.Equal("", text.Hook);
        Assert.Equal("#Tag", campaign.Hashtag);
    }

    [Fact]
    public void ApplyTo_BlankHashtag_StoresNull()
    {
        var campaign = NewCampaign();
        campaign.Hashtag = "#Ancien";
        var draft = Valid();
        draft.Hashtag = "  ";

        draft.ApplyTo(campaign, Now);

        Assert.Null(campaign.Hashtag);
    }

    [Fact]
    public void ApplyTo_LanguageDropped_RemovesItsText()
    {
        var campaign = NewCampaign();
        Valid().ApplyTo(campaign, Now);
        var french = campaign.TextFor("fr");
        var draft = Valid();
        draft.Languages = ["fr"];

        draft.ApplyTo(campaign, Now.AddHours(1));

        var text = Assert.Single(campaign.Texts);
        Assert.Equal("fr", text.Language);
        Assert.Same(french, text);
        Assert.Equal("fr", campaign.Languages);
    }

    [Fact]
    public void ApplyTo_ExistingText_UpdatedInPlace()
    {
        var campaign = NewCampaign();
        Valid().ApplyTo(campaign, Now);
        var english = campaign.TextFor("en");
        var draft = Valid();
        draft.En.Title = "Keep our library open";

        draft.ApplyTo(campaign, Now.AddHours(1));

        Assert.Same(english, campaign.TextFor("en"));
        Assert.Equal("Keep our library open", english?.Title);
        Assert.Equal(2, campaign.Texts.Count);
    }

    [Fact]
    public void ApplyTo_WithPetition_CreatesPetitionWithGoal()
    {
        var campaign = NewCampaign();

        Valid().ApplyTo(campaign, Now);

        var petition = Assert.IsType<Petition>(campaign.Petition);
        Assert.Equal(5_000, petition.Goal);
        Assert.Equal(campaign.Id, petition.CampaignId);
        Assert.Equal(campaign.OrganizationId, petition.OrganizationId);
    }

    [Fact]
    public void ApplyTo_GoalChanged_UpdatesSamePetition()
    {
        var campaign = NewCampaign();
        Valid().ApplyTo(campaign, Now);
        var petition = campaign.Petition;
        petition!.SignatureCount = 1_234;
        var draft = Valid();
        draft.PetitionGoal = 20_000;

        draft.ApplyTo(campaign, Now.AddDays(1));

        Assert.Same(petition, campaign.Petition);
        Assert.Equal(20_000, petition.Goal);
        Assert.Equal(1_234, petition.SignatureCount);
    }

    [Fact]
    public void ApplyTo_WithoutPetition_CreatesNone()
    {
        var campaign = NewCampaign();
        var draft = Valid();
        draft.HasPetition = false;
        draft.PetitionGoal = null;

        draft.ApplyTo(campaign, Now);

        Assert.Null(campaign.Petition);
    }

    [Fact]
    public void From_Campaign_CopiesCanvas()
    {
        var campaign = NewCampaign();
        Valid().ApplyTo(campaign, Now);

        var draft = CampaignDraft.From(campaign);

        Assert.Equal("sauvons-la-bibliotheque", draft.Slug);
        Assert.Equal(new[] { "fr", "en" }, draft.Languages);
        Assert.Equal(new DateOnly(2026, 6, 30), draft.Deadline);
        Assert.Equal("#SauvonsLaBiblio", draft.Hashtag);
        Assert.True(draft.HasPetition);
        Assert.Equal(5_000, draft.PetitionGoal);
        Assert.Equal("Sauvons la bibliothèque", draft.Fr.Title);
        Assert.Equal("Open on Sundays", draft.En.Ask);
        Assert.Equal("Every *Sunday*…", draft.En.Story);
    }

    [Fact]
    public void From_CampaignWithoutPetition_HasPetitionFalse()
    {
        var campaign = NewCampaign();
        var original = Valid();
        original.HasPetition = false;
        original.ApplyTo(campaign, Now);

        var draft = CampaignDraft.From(campaign);

        Assert.False(draft.HasPetition);
        Assert.Null(draft.PetitionGoal);
        Assert.Empty(draft.Validate());
    }

    [Fact]
    public void From_ThenApplyTo_RoundTrips()
    {
        var original = NewCampaign();
        Valid().ApplyTo(original, Now);
        var copy = NewCampaign();

        var draft = CampaignDraft.From(original);
        Assert.Empty(draft.Validate());
        draft.ApplyTo(copy, Now);

        Assert.Equal(original.Slug, copy.Slug);
        Assert.Equal(original.Languages, copy.Languages);
        Assert.Equal(original.Deadline, copy.Deadline);
        Assert.Equal(original.Hashtag, copy.Hashtag);
        Assert.Equal(original.Petition?.Goal, copy.Petition?.Goal);
        foreach (var language in new[] { "fr", "en" })
        {
            var expected = original.TextFor(language)!;
            var actual = copy.TextFor(language)!;
            Assert.Equal(language, actual.Language);
            Assert.Equal(
                (expected.Title, expected.Ask, expected.Target, expected.Story, expected.Hook),
                (actual.Title, actual.Ask, actual.Target, actual.Story, actual.Hook));
        }
    }
}
