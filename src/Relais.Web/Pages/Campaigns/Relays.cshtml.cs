using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;
using Relais.Petitions;
using Relais.Relays;
using Relais.Web.Campaigns;
using Relais.Web.Live;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Campaigns;

/// <summary>
/// The public board of top relays, read at most every few seconds per campaign; with the campaign's
/// live counter, board.js fetches it again after new signatures, so an open board follows without reloading.
/// </summary>
public sealed class RelaysModel(CampaignPages pages, PetitionCounters counters, IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache) : PageModel
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(3);

    /// <summary>The campaign's live counter, when it has a petition.</summary>
    public Thermometer? Counter { get; private set; }

    public CampaignPage Campaign { get; private set; } = null!;
    public CampaignPageText Text { get; private set; } = null!;
    public IReadOnlyList<RelayBoardEntry> Board { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var campaign = await pages.FindPublishedAsync(slug, ct);
        if (campaign is null)
        {
            return NotFound();
        }
        Campaign = campaign;
        Text = campaign.TextFor(LocalizationSetup.CurrentLanguage);
        if (campaign.Petition is { } petition)
        {
            Counter = Thermometer.For(campaign.Slug, counters.Get(petition.Id, petition.StoredCount), petition.Goal);
        }
        Board = (await cache.GetOrCreateAsync("relay-board:" + campaign.Id, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await RelayBoard.TopAsync(db, campaign.OrganizationId, campaign.Id, ct);
        }))!;
        return Page();
    }
}
