using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Groups;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Supporters;

namespace Relais.Web.Pages.Admin.Groups;

public sealed record GroupRow(Guid Id, string Name, string? Place, string? Country, string? PostalCodePrefix, int Members, int Leaders);

/// <summary>The organization's local groups with their member and leader counts; organizers create them here.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public LocalGroupForm Input { get; set; } = new();

    public IReadOnlyList<GroupRow> Rows { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (ModelState.IsValid)
        {
            var group = new LocalGroup { OrganizationId = organization.Id, Name = "", CreatedAt = clock.GetUtcNow() };
            Input.ApplyTo(group);
            if (!await GroupNames.TakenAsync(db, organization.Id, group.Name, null, ct))
            {
                db.LocalGroups.Add(group);
                if (await GroupNames.SaveAsync(db, ct))
                {
                    return Redirect($"/admin/groups/{group.Id}");
                }
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LocalGroupForm.Name)}", localizer[SupporterMessages.GroupNameTaken]);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var groups = await db.LocalGroups.InOrganization(organization.Id).AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);
        var counts = await db.GroupMemberships.InOrganization(organization.Id)
            .GroupBy(m => new { m.GroupId, m.Role })
            .Select(g => new { g.Key.GroupId, g.Key.Role, Count = g.Count() })
            .ToListAsync(ct);
        int Count(Guid id, GroupRole role) => counts.SingleOrDefault(c => c.GroupId == id && c.Role == role)?.Count ?? 0;
        Rows = groups.Select(g => new GroupRow(
            g.Id, g.Name, g.Place, g.Country, g.PostalCodePrefix, Count(g.Id, GroupRole.Member) + Count(g.Id, GroupRole.Leader), Count(g.Id, GroupRole.Leader))).ToList();
    }
}
