using Microsoft.AspNetCore.Mvc;
using Relais.Web.Campaigns;

namespace Relais.Web.Giving;

/// <summary>The fundraiser's part of the public campaign page: thermometer, suggested amounts, donor wall.</summary>
public sealed class FundraiserSectionViewComponent(FundraiserSections sections) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CampaignPage campaign)
    {
        var fundraiser = await sections.FindAsync(campaign.Id, HttpContext.RequestAborted);
        return fundraiser is null ? Content("") : View(new FundraiserSectionView(campaign.Slug, fundraiser));
    }
}

public sealed record FundraiserSectionView(string Slug, FundraiserSnapshot Fundraiser);
