using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Relais.Data;
using Relais.Relays;
using Relais.Web.Campaigns;
using Relais.Web.Localization;

namespace Relais.Web.Pages.Campaigns;

/// <summary>The public board of top relays, read at most every few seconds per campaign.</summary>
public sealed class RelaysModel(CampaignPages pages, IDbContextFactory<RelaisDb> dbFactory, IMemoryCache cache) : PageModel
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

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
        Board = (await cache.GetOrCreateAsync("relay-board:" + campaign.Id, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            return await RelayBoard.TopAsync(db, campaign.OrganizationId, campaign.Id, ct);
        }))!;
        return Page();
    }
}
