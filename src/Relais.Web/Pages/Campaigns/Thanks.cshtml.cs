using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Petitions;
using Relais.Web.Campaigns;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Campaigns;

public sealed class ThanksModel(CampaignPages pages, PetitionCounters counters) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public int Count { get; private set; }

    /// <summary>True when the visitor had signed before: nothing new was stored.</summary>
    public bool AlreadySigned { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? already, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign?.Petition is null)
        {
            return NotFound();
        }
        Campaign = campaign;
        Text = campaign.TextFor(LocalizationSetup.CurrentLanguage);
        Count = counters.Get(campaign.Petition.Id, campaign.Petition.StoredCount);
        AlreadySigned = already == "1";
        return Page();
    }
}
