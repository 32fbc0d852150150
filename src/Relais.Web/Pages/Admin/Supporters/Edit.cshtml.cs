using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Organizations;
using Relais.Supporters;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Supporters;

namespace Relais.Web.Pages.Admin.Supporters;

/// <summary>An organizer corrects a supporter's contact fields.</summary>
public sealed class EditModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SupporterContact Input { get; set; } = new();

    public Guid SupporterId { get; private set; }

    /// <summary>The record that already has the typed email, offered for a merge.</summary>
    public Guid? DuplicateId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        var supporter = await FindAsync(id, ct);
        if (supporter is null)
        {
            return NotFound();
        }
        SupporterId = id;
        Input = SupporterContact.From(supporter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        var supporter = await FindAsync(id, ct);
        if (supporter is null)
        {
            return NotFound();
        }
        SupporterId = id;
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var email = EmailAddress.Normalize(Input.Email!);
        DuplicateId = await db.Supporters.InOrganization(organization.Id)
            .Where(s => s.NormalizedEmail == email && s.Id != id).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
        if (DuplicateId is not null)
        {
            return EmailTaken();
        }
        Input.ApplyTo(supporter);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another record took the address between our check and our save: the unique index held.
            DuplicateId = await db.Supporters.InOrganization(organization.Id).AsNoTracking()
                .Where(s => s.NormalizedEmail == email && s.Id != id).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
            return EmailTaken();
        }
        return Redirect($"/admin/supporters/{id}");
    }

    private PageResult EmailTaken()
    {
        ModelState.AddModelError($"{nameof(Input)}.{nameof(SupporterContact.Email)}", localizer[SupporterMessages.EmailTaken]);
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Task<Supporter?> FindAsync(Guid id, CancellationToken ct) =>
        db.Supporters.InOrganization(organization.Id).SingleOrDefaultAsync(s => s.Id == id && s.ErasedAt == null, ct);
}
