using Relais.Organizations;
using Relais.Petitions;

namespace Relais.Campaigns;

/// <summary>
/// The unit of mobilization. Language-neutral parts of the campaign canvas live here; the words
/// (ask, target, story…) live in one <see cref="CampaignText"/> per language.
/// </summary>
public sealed class Campaign : IOrganizationOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Slug { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? Hashtag { get; set; }
    public Guid? HookImageId { get; set; }

    /// <summary>Languages the campaign speaks, the first being its main one (e.g. "fr,en").</summary>
    public string Languages { get; set; } = Organizations.Languages.French;

    /// <summary>The audience the campaign speaks to; signers join it through their action.</summary>
    public Guid? ChannelId { get; set; }

    public bool IsPublished { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<CampaignText> Texts { get; init; } = [];
    public Petition? Petition { get; set; }

    public IReadOnlyList<string> LanguageList =>
        Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The text in the asked language, else in the campaign's main language.</summary>
    public CampaignText? TextFor(string language) =>
        Texts.FirstOrDefault(t => t.Language == language)
        ?? Texts.FirstOrDefault(t => t.Language == LanguageList.FirstOrDefault())
        ?? Texts.FirstOrDefault();

    public void Publish(DateTimeOffset now)
    {
        IsPublished = true;
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    public void Unpublish(DateTimeOffset now)
    {
        IsPublished = false;
        UpdatedAt = now;
    }
}
