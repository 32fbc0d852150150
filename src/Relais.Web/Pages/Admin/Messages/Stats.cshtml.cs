using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relais.Data;
using Relais.Web.Automations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>The statistics of one message, for every member of its organization.</summary>
public sealed class StatsModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public MessageStats Stats { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.StatisticsAsync(organization.Id, id, ct) is not { } stats)
        {
            return NotFound();
        }
        Stats = stats;
        return Page();
    }
}
