using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Giving;
using Relais.Relays;
using Relais.Web.Campaigns;
using Relais.Web.Ladder;
using Relais.Web.Localization;
using Relais.Web.Pages.Shared;

namespace Relais.Web.Pages.Campaigns;

/// <summary>Where online providers send the donor back: thanks once the payment succeeded, "in progress" until then.</summary>
public sealed class GiveDoneModel(CampaignPages pages, RelaisDb db, NextStepOffers nextSteps) : PageModel
{
    /// <summary>The ladder's next step for the donor, and their relay link: the form token proves who they are.</summary>
    public NextStepView Next { get; private set; } = new(null);

    public CampaignPage Campaign { get; private set; } = null!;
    public Donation Donation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid donationId, [FromQuery] string? t, CancellationToken ct)
    {
        if (await GiveStep.FindAsync(pages, db, slug, donationId, t, ct) is not { } found)
        {
            return NotFound();
        }
        (Campaign, Donation) = found;
        Next = new NextStepView(
            await nextSteps.ForSupporterAsync(Campaign.OrganizationId, Donation.FundraiserId, Donation.SupporterId, LocalizationSetup.CurrentLanguage, ct),
            RelayLinks.Path(Campaign.Slug, Donation.SupporterId));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
