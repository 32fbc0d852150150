using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Campaigns;

/// <summary>The personal fundraising pages of a campaign's fundraiser, where organizers approve or reject them.</summary>
public sealed class PersonalPagesModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public sealed record Row(FundraisingPage Page, string OwnerName, string OwnerEmail, string? TeamName);

    public Guid CampaignId { get; private set; }
    public Fundraiser? Fundraiser { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Campaigns.InOrganization(organization.Id).AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }
        CampaignId = id;
        Fundraiser = await db.Fundraisers.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(f => f.CampaignId == id, ct);
        if (Fundraiser is not null)
        {
            var fundraiserId = Fundraiser.Id;
            Rows = await db.FundraisingPages.InOrganization(organization.Id)
                .Where(p => p.FundraiserId == fundraiserId)
                .OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt)
                .Select(p => new Row(p,
                    db.Supporters.Where(s => s.Id == p.SupporterId).Select(s => s.FirstName + " " + s.LastName).Single(),
                    db.Supporters.Where(s => s.Id == p.SupporterId).Select(s => s.Email).Single(),
                    db.FundraisingTeams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault()))
                .ToListAsync(ct);
        }
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, Guid pageId, CancellationToken ct) =>
        DecideAsync(id, pageId, FundraisingPageStatus.Approved, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid pageId, CancellationToken ct) =>
        DecideAsync(id, pageId, FundraisingPageStatus.Rejected, ct);

    private async Task<IActionResult> DecideAsync(Guid id, Guid pageId, FundraisingPageStatus status, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var fundraiser = db.Fundraisers.InOrganization(organization.Id).Where(f => f.CampaignId == id).Select(f => f.Id);
        var changed = await db.FundraisingPages.InOrganization(organization.Id)
            .Where(p => p.Id == pageId && fundraiser.Contains(p.FundraiserId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status), ct);
        return changed == 0 ? NotFound() : Redirect($"/admin/campaigns/{id}/pages");
    }
}
