using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Settings;

/// <summary>The organization's settings: organizers change them, every member reads them.</summary>
public sealed class IndexModel(
    RelaisDb db, CurrentOrganization organization, Relais.Web.Embeds.EmbedSites embedSites, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public OrganizationSettings Input { get; set; } = new();

    public int WordingVersion { get; private set; }
    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        var current = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organization.Id, ct);
        Input = OrganizationSettings.From(current);
        WordingVersion = current.ConsentWordingVersion;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var current = await db.Organizations.SingleAsync(o => o.Id == organization.Id, ct);
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (!ModelState.IsValid)
        {
            WordingVersion = current.ConsentWordingVersion;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Input.ApplyTo(current);
        await db.SaveChangesAsync(ct);
        embedSites.Forget(organization.Id);
        return RedirectToPage(new { saved = true });
    }
}
