using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Drives;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Drives;

/// <summary>A drive's pledges, need by need, those beyond the need flagged.</summary>
public sealed class PledgesModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public const int Max = 2_000;

    public Drive Drive { get; private set; } = null!;
    public ILookup<Guid, PledgeRow> ByNeed { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var drive = await DriveAdmin.FindAsync(db, organization.Id, id, ct);
        if (drive is null)
        {
            return NotFound();
        }
        Drive = drive;
        ByNeed = (await DriveAdmin.Pledges(db, organization.Id, id).Take(Max).ToListAsync(ct)).ToLookup(p => p.NeedId);
        return Page();
    }
}
