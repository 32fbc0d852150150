using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Giving;
using Relais.Web.Campaigns;

namespace Relais.Web.Pages.Campaigns;

/// <summary>Where online providers send the donor back: thanks once the payment succeeded, "in progress" until then.</summary>
public sealed class GiveDoneModel(CampaignPages pages, RelaisDb db) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public Donation Donation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, Guid donationId, [FromQuery] string? t, CancellationToken ct)
    {
        if (await GiveStep.FindAsync(pages, db, slug, donationId, t, ct) is not { } found)
        {
            return NotFound();
        }
        (Campaign, Donation) = found;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
