using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Actions;
using Relais.Data;
using Relais.Organizations;

namespace Relais.Web.Campaigns;

/// <summary>
/// Published campaign pages by slug. Visitors' pages are served from memory; an edit on this node
/// forgets its entry at once, other nodes within <see cref="Freshness"/>.
/// </summary>
public sealed class CampaignPages(IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    public async Task<CampaignPage?> FindPublishedAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > Relais.Campaigns.CampaignCanvas.SlugMax)
        {
            return null;
        }
        var key = CacheKey(slug);
        if (cache.TryGetValue(key, out CampaignPage? page))
        {
            return page;
        }
        page = await LoadAsync(slug, ct);
        cache.Set(key, page, Freshness);
        return page;
    }

    public void Forget(string slug) => cache.Remove(CacheKey(slug));

    private async Task<CampaignPage?> LoadAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking()
            .Include(c => c.Texts)
            .Include(c => c.Petition)
            .SingleOrDefaultAsync(c => c.Slug == slug && c.IsPublished, ct);
        if (campaign is null || campaign.Texts.Count == 0)
        {
            return null;
        }
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == campaign.OrganizationId, ct);
        var languages = campaign.LanguageList.Where(l => campaign.Texts.Any(t => t.Language == l)).ToList();
        if (languages.Count == 0)
        {
            languages = [campaign.Texts[0].Language];
        }
        return new CampaignPage(
            campaign.Id,
            campaign.OrganizationId,
            organization.Name,
            campaign.Slug,
            campaign.Deadline,
            campaign.Hashtag,
            campaign.HookImageId,
            languages,
            campaign.Texts.ToDictionary(t => t.Language, CampaignPageText.From),
            campaign.Petition is { } p ? new PetitionSummary(p.Id, p.Goal, p.IsOpen, p.SignatureCount) : null,
            await PetitionConsentsAsync(db, campaign, ct));
    }

    /// <summary>The petition form's wording in each language, read with the page so that signing reads nothing more.</summary>
    private static async Task<IReadOnlyDictionary<string, ShownConsent>> PetitionConsentsAsync(RelaisDb db, Relais.Campaigns.Campaign campaign, CancellationToken ct)
    {
        var consents = new Dictionary<string, ShownConsent>();
        foreach (var language in new[] { Languages.French, Languages.English })
        {
            // A campaign without a petition still shows the organization's wording (embedded forms of a petition to come).
            consents[language] = await ActionWordings.ForAsync(db, campaign.OrganizationId, campaign.Petition?.Id ?? Guid.Empty, ActionForms.Sign, language, ct);
        }
        return consents;
    }

    private static string CacheKey(string slug) => "campaign-page:" + slug;
}
