using Microsoft.AspNetCore.Mvc;
using Relais.Web.Campaigns;

namespace Relais.Web.Drives;

/// <summary>The in-kind drive's part of the public campaign page: needs with progress bars and the pledge form.</summary>
public sealed class DriveSectionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(CampaignPage campaign) => Content("");
}
