using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Imports;
using Relais.Web.Imports;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Imports;

/// <summary>An import's progress and report; cancel, start after a dry run, resume.</summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class ShowModel(
    RelaisDb db, CurrentOrganization organization, ImportRunner runner, ImportSignal signal, TimeProvider clock) : PageModel
{
    public Import Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ImportPages.FindAsync(db, organization.Id, id, ct) is not { } import)
        {
            return NotFound();
        }
        Import = import;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        await ImportCommands.CancelAsync(db, organization.Id, id, clock.GetUtcNow(), ct) ? Redirect($"/admin/imports/{id}") : await MissingOrBackAsync(id, ct);

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct)
    {
        if (!await ImportCommands.ResumeAsync(db, organization.Id, id, ct))
        {
            return await MissingOrBackAsync(id, ct);
        }
        signal.Poke();
        return Redirect($"/admin/imports/{id}");
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (await ImportPages.FindAsync(db, organization.Id, id, ct) is not { } import)
        {
            return NotFound();
        }
        if (await ImportCommands.QueueAsync(db, organization.Id, id, dryRun: false, ct))
        {
            await ImportMappings.RememberAsync(db, import, ImportPages.Head(runner, import, 0).Header, clock.GetUtcNow(), ct);
            signal.Poke();
        }
        return Redirect($"/admin/imports/{id}");
    }

    private async Task<IActionResult> MissingOrBackAsync(Guid id, CancellationToken ct) =>
        await ImportPages.FindAsync(db, organization.Id, id, ct) is null ? NotFound() : Redirect($"/admin/imports/{id}");
}
