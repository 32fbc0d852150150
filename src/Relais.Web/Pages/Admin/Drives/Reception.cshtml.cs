using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Drives;
using Relais.Supporters;
using Relais.Web.Drives;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Drives;

/// <summary>The drop-off desk on a phone: find a pledge (name, email, code or its QR), record walk-in gifts and correct them.</summary>
public sealed class ReceptionModel(
    RelaisDb db, CurrentOrganization organization, DriveSections sections, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public Drive Drive { get; private set; } = null!;
    public bool CanEdit => organization.CanEdit;
    public IReadOnlyList<PledgeRow> Found { get; private set; } = [];
    public IReadOnlyList<DriveReception> WalkIns { get; private set; } = [];
    public HashSet<Guid> Corrected { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public string? NeedId { get; set; }

    [BindProperty]
    public string? Quantity { get; set; }

    [BindProperty]
    public Guid? LineId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var q = Search?.Trim();
        if (!string.IsNullOrEmpty(q))
        {
            q = q.Length > 100 ? q[..100] : q;
            // A scanned or typed code opens its pledge at once.
            if (ItemPledge.LooksLikeCode(q) && await db.ItemPledges.AnyAsync(p => p.Code == q && p.DriveId == id && p.OrganizationId == organization.Id, ct))
            {
                return Redirect("/admin/pledges/" + q);
            }
            var email = EmailAddress.Normalize(q);
            var like = "%" + q.ToLowerInvariant().Replace("\\", "").Replace("%", "").Replace("_", "") + "%";
            var ids = await db.Supporters
                .Where(s => s.OrganizationId == organization.Id && (s.NormalizedEmail == email
                    || EF.Functions.Like((s.FirstName + " " + s.LastName).ToLower(), like)
                    || EF.Functions.Like(s.NormalizedEmail, like)))
                .Select(s => s.Id).Take(200).ToListAsync(ct);
            var pledgeIds = await db.ItemPledges
                .Where(p => p.DriveId == id && p.OrganizationId == organization.Id && ids.Contains(p.SupporterId))
                .Select(p => p.Id).Take(50).ToListAsync(ct);
            Found = await DriveAdmin.Pledges(db, organization.Id, id, p => pledgeIds.Contains(p.Id)).ToListAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostWalkInAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var need = Guid.TryParse(NeedId, out var needId) ? Drive.Needs.SingleOrDefault(n => n.Id == needId) : null;
        if (need is null)
        {
            ModelState.AddModelError(nameof(NeedId), localizer[DriveMessages.NeedUnknown]);
        }
        if (DriveAdmin.QuantityError(Quantity, correction: false, out var quantity) is { } error)
        {
            ModelState.AddModelError(nameof(Quantity), localizer[error]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await DriveReceptions.ReceiveAsync(db, organization.Id, Drive.Id, need!.Id, null, quantity, User.Identity?.Name ?? "", clock.GetUtcNow(), ct);
        sections.Forget(Drive.CampaignId);
        return Redirect($"/admin/drives/{id}/reception?recorded=1");
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (DriveAdmin.QuantityError(Quantity, correction: true, out var quantity) is { } error)
        {
            ModelState.AddModelError(nameof(Quantity), localizer[error]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var line = LineId is { } lineId
            ? await db.DriveReceptions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == lineId && r.DriveId == id && r.OrganizationId == organization.Id, ct)
            : null;
        if (line is null)
        {
            return NotFound();
        }
        var outcome = await DriveReceptions.CorrectAsync(db, organization.Id, line.Id, quantity, User.Identity?.Name ?? "", clock.GetUtcNow(), ct);
        if (outcome == ReceptionOutcome.AlreadyCorrected)
        {
            ModelState.AddModelError(nameof(Quantity), localizer["This line was already corrected: correct the newer line."]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        sections.Forget(Drive.CampaignId);
        return Redirect($"/admin/drives/{id}/reception?recorded=1");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var drive = await DriveAdmin.FindAsync(db, organization.Id, id, ct);
        if (drive is null)
        {
            return false;
        }
        Drive = drive;
        WalkIns = await db.DriveReceptions.AsNoTracking()
            .Where(r => r.DriveId == id && r.OrganizationId == organization.Id && r.PledgeId == null)
            .OrderByDescending(r => r.RecordedAt).Take(30).ToListAsync(ct);
        var lineIds = WalkIns.Select(w => w.Id).ToList();
        Corrected = (await db.DriveReceptions.Where(r => r.SupersedesId != null && lineIds.Contains(r.SupersedesId.Value))
            .Select(r => r.SupersedesId!.Value).ToListAsync(ct)).ToHashSet();
        return true;
    }
}
