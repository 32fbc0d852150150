using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;
using Relais.Web.Campaigns;
using Relais.Web.Giving;

namespace Relais.Web.Pages.Campaigns;

/// <summary>The donation a donor's own page shows: only with the token of the form that made it.</summary>
public static class GiveStep
{
    public static async Task<(CampaignPage Campaign, Donation Donation)?> FindAsync(
        CampaignPages pages, RelaisDb db, string slug, Guid donationId, string? token, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null || string.IsNullOrEmpty(token))
        {
            return null;
        }
        var donation = await db.Donations.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == donationId && d.CampaignId == campaign.Id && d.OrganizationId == campaign.OrganizationId, ct);
        return donation is not null && GivingUrls.TokenMatches(donation, token) ? (campaign, donation) : null;
    }
}
