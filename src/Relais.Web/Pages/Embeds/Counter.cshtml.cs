using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Petitions;
using Relais.Web.Campaigns;
using Relais.Web.Embeds;
using Relais.Web.Hosting;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Embeds;

/// <summary>A petition's live thermometer in a frame on an allowed site.</summary>
public sealed class CounterModel(CampaignPages pages, PetitionCounters counters, EmbedSites sites) : PageModel
{
    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public int Count { get; private set; }
    public string? Origin { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? parent, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign?.Petition is null)
        {
            return NotFound();
        }
        Campaign = campaign;
        Text = campaign.TextFor(LocalizationSetup.CurrentLanguage);
        Count = counters.Get(campaign.Petition.Id, campaign.Petition.StoredCount);
        var allowed = await sites.AllowedAsync(campaign.OrganizationId, ct);
        SecurityHeaders.AllowFramingBy(Response, allowed);
        Origin = EmbedSites.TryResolve(parent, allowed, out var origin) ? origin : null;
        return Page();
    }
}
