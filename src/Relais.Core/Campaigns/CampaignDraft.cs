using Relais.Organizations;
using Relais.Petitions;

namespace Relais.Campaigns;

/// <summary>The campaign canvas as an organizer edits it, before it is checked and saved.</summary>
public sealed class CampaignDraft
{
    public const int MaxGoal = 100_000_000;

    public string? Slug { get; set; }
    public List<string> Languages { get; set; } = [];
    public DateOnly? Deadline { get; set; }
    public string? Hashtag { get; set; }
    public bool HasPetition { get; set; } = true;
    public int? PetitionGoal { get; set; }
    public CampaignTextDraft Fr { get; set; } = new();
    public CampaignTextDraft En { get; set; } = new();

    public CampaignTextDraft TextFor(string language) => language == Organizations.Languages.English ? En : Fr;

    public static CampaignDraft From(Campaign campaign)
    {
        var draft = new CampaignDraft
        {
            Slug = campaign.Slug,
            Languages = campaign.LanguageList.ToList(),
            Deadline = campaign.Deadline,
            Hashtag = campaign.Hashtag,
            HasPetition = campaign.Petition is not null,
            PetitionGoal = campaign.Petition?.Goal,
        };
        foreach (var text in campaign.Texts)
        {
            draft.TextFor(text.Language).CopyFrom(text);
        }
        return draft;
    }

    /// <summary>Problems as (field, message key); fields are named as the editor's inputs.</summary>
    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        if (!CampaignCanvas.IsValidSlug(Slug))
        {
            errors.Add(new(nameof(Slug), CampaignMessages.SlugInvalid));
        }
        var languages = CampaignCanvas.ParseLanguages(Languages);
        if (languages.Count == 0)
        {
            errors.Add(new(nameof(Languages), CampaignMessages.LanguageRequired));
        }
        if (!CampaignCanvas.IsValidHashtag(Hashtag?.Trim()))
        {
            errors.Add(new(nameof(Hashtag), CampaignMessages.HashtagInvalid));
        }
        if (HasPetition && PetitionGoal is not (> 0 and <= MaxGoal))
        {
            errors.Add(new(nameof(PetitionGoal), CampaignMessages.GoalInvalid));
        }
        foreach (var language in languages)
        {
            var prefix = language == Organizations.Languages.English ? nameof(En) : nameof(Fr);
            errors.AddRange(TextFor(language).Validate().Select(e => e with { Field = $"{prefix}.{e.Field}" }));
        }
        return errors;
    }

    /// <summary>Copies a valid draft onto the campaign, adding, changing or removing language texts.</summary>
    public void ApplyTo(Campaign campaign, DateTimeOffset now)
    {
        var languages = CampaignCanvas.ParseLanguages(Languages);
        campaign.Slug = Slug!;
        campaign.Languages = string.Join(',', languages);
        campaign.Deadline = Deadline;
        campaign.Hashtag = CampaignCanvas.NormalizeHashtag(Hashtag);
        campaign.UpdatedAt = now;
        campaign.Texts.RemoveAll(t => !languages.Contains(t.Language));
        foreach (var language in languages)
        {
            var text = campaign.Texts.FirstOrDefault(t => t.Language == language);
            if (text is null)
            {
                text = new CampaignText { CampaignId = campaign.Id, Language = language, Title = "" };
                campaign.Texts.Add(text);
            }
            TextFor(language).CopyTo(text);
        }
        if (HasPetition)
        {
            campaign.Petition ??= new Petition { OrganizationId = campaign.OrganizationId, CampaignId = campaign.Id };
            campaign.Petition.Goal = PetitionGoal!.Value;
        }
    }
}

public sealed class CampaignTextDraft
{
    public string? Title { get; set; }
    public string? Ask { get; set; }
    public string? Target { get; set; }
    public string? TheoryOfChange { get; set; }
    public string? Base { get; set; }
    public string? Allies { get; set; }
    public string? CallToAction { get; set; }
    public string? Story { get; set; }
    public string? Hook { get; set; }

    public IReadOnlyList<FormError> Validate()
    {
        var errors = new List<FormError>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new(nameof(Title), FormMessages.Required));
        }
        Limit(errors, nameof(Title), Title, CampaignCanvas.TitleMax);
        Limit(errors, nameof(Ask), Ask, CampaignCanvas.ShortFieldMax);
        Limit(errors, nameof(Target), Target, CampaignCanvas.ShortFieldMax);
        Limit(errors, nameof(TheoryOfChange), TheoryOfChange, CampaignCanvas.ShortFieldMax);
        Limit(errors, nameof(Base), Base, CampaignCanvas.ShortFieldMax);
        Limit(errors, nameof(Allies), Allies, CampaignCanvas.ShortFieldMax);
        Limit(errors, nameof(CallToAction), CallToAction, CampaignCanvas.ShortFieldMax);
        Limit(errors, nameof(Story), Story, CampaignCanvas.StoryMax);
        Limit(errors, nameof(Hook), Hook, CampaignCanvas.ShortFieldMax);
        return errors;
    }

    internal void CopyFrom(CampaignText text)
    {
        Title = text.Title;
        Ask = text.Ask;
        Target = text.Target;
        TheoryOfChange = text.TheoryOfChange;
        Base = text.Base;
        Allies = text.Allies;
        CallToAction = text.CallToAction;
        Story = text.Story;
        Hook = text.Hook;
    }

    internal void CopyTo(CampaignText text)
    {
        text.Title = Title?.Trim() ?? "";
        text.Ask = Ask?.Trim() ?? "";
        text.Target = Target?.Trim() ?? "";
        text.TheoryOfChange = TheoryOfChange?.Trim() ?? "";
        text.Base = Base?.Trim() ?? "";
        text.Allies = Allies?.Trim() ?? "";
        text.CallToAction = CallToAction?.Trim() ?? "";
        text.Story = Story?.Trim() ?? "";
        text.Hook = Hook?.Trim() ?? "";
    }

    private static void Limit(List<FormError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new(field, FormMessages.TooLong));
        }
    }
}

public static class CampaignMessages
{
    public const string SlugInvalid = "Use lower-case letters, digits and dashes only (for example: save-the-library).";
    public const string SlugTaken = "Another campaign already uses this address.";
    public const string LanguageRequired = "Choose at least one language.";
    public const string HashtagInvalid = "A hashtag is one word of letters, digits or underscores.";
    public const string GoalInvalid = "Give a goal between 1 and 100,000,000 signatures.";
    public const string ImageInvalid = "The image must be a PNG, JPEG, GIF or WebP file of at most 2 MB.";
}
