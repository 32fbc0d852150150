using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Drives;
using Relais.Web.Drives;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Pages.Admin.Drives;

namespace Relais.Web.Pages.Admin.Pledges;

/// <summary>One pledge at the drop-off, opened by its QR code: record what came, or correct an earlier line.</summary>
public sealed class ShowModel(
    RelaisDb db, CurrentOrganization organization, DriveSections sections, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PledgeRow Pledge { get; private set; } = null!;
    public Drive Drive { get; private set; } = null!;
    public DriveNeed Need { get; private set; } = null!;
    public IReadOnlyList<DriveReception> History { get; private set; } = [];
    public HashSet<Guid> Corrected { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    [BindProperty]
    public string? Quantity { get; set; }

    [BindProperty]
    public Guid? LineId { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReceiveAsync(string code, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (DriveAdmin.QuantityError(Quantity, correction: false, out var quantity) is { } error)
        {
            return Invalid(error);
        }
        var pledge = await db.ItemPledges.AsNoTracking().SingleAsync(p => p.Id == Pledge.Id, ct);
        await DriveReceptions.ReceiveAsync(db, organization.Id, Drive.Id, Need.Id, pledge, quantity, User.Identity?.Name ?? "", clock.GetUtcNow(), ct);
        sections.Forget(Drive.CampaignId);
        return Redirect($"/admin/pledges/{code}?recorded=1");
    }

    public async Task<IActionResult> OnPostCorrectAsync(string code, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        if (DriveAdmin.QuantityError(Quantity, correction: true, out var quantity) is { } error)
        {
            return Invalid(error);
        }
        if (LineId is not { } lineId || History.All(h => h.Id != lineId))
        {
            return NotFound();
        }
        var outcome = await DriveReceptions.CorrectAsync(db, organization.Id, lineId, quantity, User.Identity?.Name ?? "", clock.GetUtcNow(), ct);
        if (outcome == ReceptionOutcome.AlreadyCorrected)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            ModelState.AddModelError(nameof(Quantity), localizer["This line was already corrected: correct the newer line."]);
            return Page();
        }
        sections.Forget(Drive.CampaignId);
        return Redirect($"/admin/pledges/{code}?recorded=1");
    }

    private IActionResult Invalid(string key)
    {
        ModelState.AddModelError(nameof(Quantity), localizer[key]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (!ItemPledge.LooksLikeCode(code))
        {
            return false;
        }
        var driveId = await db.ItemPledges.Where(p => p.Code == code && p.OrganizationId == organization.Id)
            .Select(p => (Guid?)p.DriveId).SingleOrDefaultAsync(ct);
        if (driveId is null)
        {
            return false;
        }
        Pledge = await DriveAdmin.Pledges(db, organization.Id, driveId.Value, p => p.Code == code).SingleAsync(ct);
        Drive = (await DriveAdmin.FindAsync(db, organization.Id, driveId.Value, ct))!;
        Need = Drive.Needs.Single(n => n.Id == Pledge.NeedId);
        History = await db.DriveReceptions.AsNoTracking()
            .Where(r => r.PledgeId == Pledge.Id && r.OrganizationId == organization.Id)
            .OrderBy(r => r.RecordedAt).ToListAsync(ct);
        Corrected = History.Where(h => h.SupersedesId is not null).Select(h => h.SupersedesId!.Value).ToHashSet();
        return true;
    }
}
