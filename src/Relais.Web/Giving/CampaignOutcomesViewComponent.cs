using Microsoft.AspNetCore.Mvc;
using Relais.Web.Campaigns;

namespace Relais.Web.Giving;

/// <summary>The campaign's real-world outcome figures on its public page, from every <see cref="ICampaignOutcomeSource"/>.</summary>
public sealed class CampaignOutcomesViewComponent(CampaignOutcomes outcomes) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CampaignPage campaign)
    {
        var figures = await outcomes.ForCampaignAsync(campaign.OrganizationId, campaign.Id, HttpContext.RequestAborted);
        return figures.Count == 0 ? Content("") : View(figures);
    }
}
