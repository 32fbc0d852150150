using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Ladder;
using Relais.Petitions;
using Relais.Web.Campaigns;
using Relais.Web.Ladder;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Campaigns;

public sealed class ThanksModel(CampaignPages pages, PetitionCounters counters, NextStepOffers nextSteps) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public int Count { get; private set; }

    /// <summary>True when the visitor had signed before: nothing new was stored.</summary>
    public bool AlreadySigned { get; private set; }

    /// <summary>An open action one rung up the ladder, or null when there is none to offer.</summary>
    public NextStep? NextStep { get; private set; }

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
        NextStep = await nextSteps.ForReferenceAsync(campaign.OrganizationId, campaign.Petition.Id, Request.Cookies[LadderReference.CookieName], LocalizationSetup.CurrentLanguage, ct);
        return Page();
    }
}
