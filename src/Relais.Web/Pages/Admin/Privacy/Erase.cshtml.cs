using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Organizations;
using Relais.Privacy;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Privacy;

/// <summary>Erasure of one supporter at their request: one transaction, never beyond the member's organization.</summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class EraseModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool Erased { get; private set; }

    [BindProperty]
    public bool Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Erased)
        {
            return Page();
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), localizer["Tick the box to confirm the erasure."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await db.EraseAsync(organization.Id, [id], SuppressionReasons.Erasure, clock.GetUtcNow(), ct);
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var supporter = await db.Supporters.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (supporter is null)
        {
            return false;
        }
        Id = supporter.Id;
        Name = supporter.FullName;
        Email = supporter.Email;
        Erased = supporter.ErasedAt is not null;
        return true;
    }
}
