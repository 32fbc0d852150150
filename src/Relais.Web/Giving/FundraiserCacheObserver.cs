using Relais.Data;
using Relais.Giving;

namespace Relais.Web.Giving;

/// <summary>A donation that moved on this node shows on its campaign page at once; other nodes within a few seconds.</summary>
public sealed class FundraiserCacheObserver(FundraiserSections sections, CampaignOutcomes outcomes) : IDonationObserver
{
    public Task OnMovedAsync(RelaisDb db, DonationMove move, CancellationToken ct)
    {
        if (move.Donation.CampaignId is { } campaignId)
        {
            sections.Forget(campaignId);
            outcomes.Forget(campaignId);
        }
        return Task.CompletedTask;
    }
}
