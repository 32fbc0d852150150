using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;

namespace Relais.Web.Pages.Fundraising;

/// <summary>A team's public page: its total and its members' approved pages.</summary>
public sealed class TeamModel(RelaisDb db) : PageModel
{
    public FundraisingTeam Team { get; private set; } = null!;
    public string Currency { get; private set; } = Currencies.Default;
    public string CampaignSlug { get; private set; } = "";
    public IReadOnlyList<FundraisingPage> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await db.FundraisingTeams.AsNoTracking()
            .Where(t => t.Slug == slug)
            .Join(db.Fundraisers, t => t.FundraiserId, f => f.Id, (t, f) => new { Team = t, f.Currency, f.CampaignId })
            .Join(db.Campaigns.Where(c => c.IsPublished), x => x.CampaignId, c => c.Id, (x, c) => new { x.Team, x.Currency, c.Slug })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }
        Team = found.Team;
        Currency = found.Currency;
        CampaignSlug = found.Slug;
        Members = await db.FundraisingPages.AsNoTracking()
            .Where(p => p.TeamId == Team.Id && p.OrganizationId == Team.OrganizationId && p.Status == FundraisingPageStatus.Approved)
            .OrderByDescending(p => p.RaisedMinor).ThenBy(p => p.Title)
            .ToListAsync(ct);
        return Page();
    }
}
