using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;

namespace Relais.Web.Campaigns;

public sealed record CampaignCard(
    string Slug, string Title, string Ask, string? Hashtag, DateOnly? Deadline, Guid? HookImageId, Guid? PetitionId, int Goal, int StoredCount);

/// <summary>The home page's list of published campaigns, in the visitor's language, kept for a few seconds.</summary>
public sealed class PublishedCampaigns(IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache)
{
    public async Task<IReadOnlyList<CampaignCard>> ListAsync(string language, CancellationToken ct) =>
        await cache.GetOrCreateAsync("published-campaigns:" + language, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CampaignPages.Freshness;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var campaigns = await db.Campaigns.AsNoTracking()
                .Where(c => c.IsPublished)
                .Include(c => c.Texts)
                .Include(c => c.Petition)
                .OrderByDescending(c => c.PublishedAt)
                .Take(100)
                .ToListAsync(ct);
            return (IReadOnlyList<CampaignCard>)campaigns
                .Where(c => c.Texts.Count > 0)
                .Select(c =>
                {
                    var text = c.TextFor(language)!;
                    return new CampaignCard(c.Slug, text.Title, text.Ask, c.Hashtag, c.Deadline, c.HookImageId,
                        c.Petition?.Id, c.Petition?.Goal ?? 0, c.Petition?.SignatureCount ?? 0);
                })
                .ToList();
        }) ?? [];
}
