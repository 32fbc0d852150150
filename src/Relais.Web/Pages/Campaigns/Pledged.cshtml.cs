using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Drives;
using Relais.Relays;
using Relais.Web.Campaigns;
using Relais.Web.Ladder;
using Relais.Web.Localization;
using Relais.Web.Pages.Shared;

namespace Relais.Web.Pages.Campaigns;

/// <summary>A pledge's confirmation, found by its unguessable code: what, where, when, and the QR code to show at the drop-off.</summary>
public sealed class PledgedModel(RelaisDb db, CampaignPages pages, NextStepOffers nextSteps) : PageModel
{
    /// <summary>The ladder's next step for the pledger, and their relay link: the code proves who they are.</summary>
    public NextStepView Next { get; private set; } = new(null);

    public CampaignPage Campaign { get; private set; } = null!;
    public ItemPledge Pledge { get; private set; } = null!;
    public DriveNeed Need { get; private set; } = null!;
    public DropOffPoint Point { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string code, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null || !ItemPledge.LooksLikeCode(code))
        {
            return NotFound();
        }
        var pledge = await db.ItemPledges.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Code == code && p.OrganizationId == campaign.OrganizationId, ct);
        if (pledge is null || !await db.Drives.AnyAsync(d => d.Id == pledge.DriveId && d.CampaignId == campaign.Id, ct))
        {
            return NotFound();
        }
        Campaign = campaign;
        Pledge = pledge;
        Need = await db.DriveNeeds.AsNoTracking().SingleAsync(n => n.Id == pledge.NeedId, ct);
        Point = await db.DropOffPoints.AsNoTracking().SingleAsync(p => p.Id == pledge.DropOffPointId, ct);
        Next = new NextStepView(
            await nextSteps.ForSupporterAsync(campaign.OrganizationId, pledge.DriveId, pledge.SupporterId, LocalizationSetup.CurrentLanguage, ct),
            RelayLinks.Path(campaign.Slug, pledge.SupporterId));
        return Page();
    }
}
