using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>Where a send stands: a bar of queued, sent, failed, bounced and skipped, refreshed by progress.js.</summary>
public sealed class ProgressModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public Message Message { get; private set; } = null!;
    public SendFigures Figures { get; private set; } = null!;
    public bool CanEdit => organization.CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }
        Message = message;
        Figures = SendFigures.Of(message);
        return Page();
    }
}
