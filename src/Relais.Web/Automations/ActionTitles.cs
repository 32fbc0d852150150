using Microsoft.EntityFrameworkCore;
using Relais.Actions;
using Relais.Data;
using Relais.Web.Pages.Admin.Automations;

namespace Relais.Web.Automations;

/// <summary>The organization's actions titled by their campaign, for the admin pages that pick one.</summary>
public static class ActionTitles
{
    public static async Task<IReadOnlyList<IndexModel.ActionRow>> OfOrganizationAsync(RelaisDb db, Guid organizationId, string language, CancellationToken ct)
    {
        var actions = await CampaignActions.All(db, organizationId).ToListAsync(ct);
        var campaignIds = actions.Select(a => a.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Slug, c.CreatedAt, Texts = c.Texts.Select(t => new { t.Language, t.Title }).ToList() })
            .ToDictionaryAsync(c => c.Id, ct);
        return actions
            .OrderByDescending(a => campaigns[a.CampaignId].CreatedAt).ThenBy(a => a.Type)
            .Select(a =>
            {
                var campaign = campaigns[a.CampaignId];
                var title = (campaign.Texts.FirstOrDefault(t => t.Language == language) ?? campaign.Texts.FirstOrDefault())?.Title ?? campaign.Slug;
                return new IndexModel.ActionRow(a.Id, title, true, a.Type);
            })
            .ToList();
    }
}
