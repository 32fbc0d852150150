using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Campaigns;
using Relais.Data;
using Relais.Giving;
using Relais.Relays;

namespace Relais.Web.Pages.Fundraising;

/// <summary>A supporter's public fundraising page: story, own thermometer, donate button and relay link.</summary>
public sealed class PersonalPageModel(RelaisDb db) : PageModel
{
    public FundraisingPage Fundraising { get; private set; } = null!;
    public FundraisingTeam? Team { get; private set; }
    public string Currency { get; private set; } = Currencies.Default;
    public string CampaignSlug { get; private set; } = "";
    public string StoryHtml { get; private set; } = "";
    public string OwnerName { get; private set; } = "";

    public string DonateUrl => $"/c/{Uri.EscapeDataString(CampaignSlug)}/give?page={Uri.EscapeDataString(Fundraising.Slug)}";
    public string RelayUrl => RelayLinks.Path(CampaignSlug, Fundraising.SupporterId);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await db.FundraisingPages.AsNoTracking()
            .Where(p => p.Slug == slug && p.Status == FundraisingPageStatus.Approved)
            .Join(db.Fundraisers, p => p.FundraiserId, f => f.Id, (p, f) => new { Page = p, f.Currency, f.CampaignId, f.OrganizationId })
            .Join(db.Campaigns.Where(c => c.IsPublished), x => x.CampaignId, c => c.Id, (x, c) => new { x.Page, x.Currency, c.Slug, x.OrganizationId })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }
        Fundraising = found.Page;
        Currency = found.Currency;
        CampaignSlug = found.Slug;
        StoryHtml = StoryMarkdown.ToHtml(found.Page.Story);
        OwnerName = await db.Supporters.Where(s => s.Id == found.Page.SupporterId && s.OrganizationId == found.OrganizationId)
            .Select(s => s.FirstName).SingleAsync(ct);
        if (found.Page.TeamId is { } teamId)
        {
            Team = await db.FundraisingTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId && t.OrganizationId == found.OrganizationId, ct);
        }
        return Page();
    }
}
