using Microsoft.AspNetCore.Mvc;
using Relais.Web.Campaigns;

namespace Relais.Web.Drives;

/// <summary>The in-kind drive's part of the public campaign page: needs with progress bars and the pledge link.</summary>
public sealed class DriveSectionViewComponent(DriveSections sections) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CampaignPage campaign)
    {
        var section = await sections.ForCampaignAsync(campaign.Id, HttpContext.RequestAborted);
        return section is null ? Content("") : View(new DriveSectionView(campaign.Slug, section));
    }
}

public sealed record DriveSectionView(string Slug, DriveSection Section);
