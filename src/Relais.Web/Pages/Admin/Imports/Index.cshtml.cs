using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Imports;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Imports;

[Authorize(Policy = Policies.Organizer)]
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public IReadOnlyList<Import> Imports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Imports = await db.Imports.InOrganization(organization.Id).AsNoTracking()
            .OrderByDescending(i => i.CreatedAt).Take(200).ToListAsync(ct);
}
