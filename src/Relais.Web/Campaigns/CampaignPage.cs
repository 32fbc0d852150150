using Relais.Campaigns;

namespace Relais.Web.Campaigns;

/// <summary>What a visitor's campaign page needs, read once and kept in memory for a few seconds.</summary>
public sealed record CampaignPage(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Slug,
    DateOnly? Deadline,
    string? Hashtag,
    Guid? HookImageId,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, CampaignPageText> Texts,
    PetitionSummary? Petition,
    IReadOnlyDictionary<string, Relais.Actions.ShownConsent> PetitionConsents)
{
    public CampaignPageText TextFor(string language) =>
        Texts.TryGetValue(language, out var text) ? text : Texts[Languages[0]];

    /// <summary>The petition form's consent wording in <paramref name="language"/> (the petition's own, else the organization's).</summary>
    public Relais.Actions.ShownConsent PetitionConsentFor(string language) =>
        PetitionConsents.TryGetValue(language, out var consent) ? consent : PetitionConsents[Relais.Organizations.Languages.French];
}

public sealed record CampaignPageText(
    string Language, string Title, string Ask, string Target, string CallToAction, string StoryHtml, string Hook, string Summary)
{
    public static CampaignPageText From(CampaignText text) => new(
        text.Language, text.Title, text.Ask, text.Target, text.CallToAction, StoryMarkdown.ToHtml(text.Story), text.Hook,
        Summarize(text.Ask));

    /// <summary>A one-line description for link previews.</summary>
    private static string Summarize(string ask) =>
        ask.Length <= 200 ? ask : ask[..197].TrimEnd() + "…";
}

/// <summary>A petition as the page shows it; <paramref name="StoredCount"/> seeds the in-memory counter.</summary>
public sealed record PetitionSummary(Guid Id, int Goal, bool IsOpen, int StoredCount);
