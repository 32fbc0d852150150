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

public sealed record GroupMemberRow(Guid Id, string FirstName, string LastName, string Email, GroupRole Role, DateTimeOffset JoinedAt, bool Erased);

/// <summary>One local group: its members and leaders; organizers rename or delete it here.</summary>
public sealed class ShowModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MembersShown = 500;

    [BindProperty]
    public LocalGroupForm Input { get; set; } = new();

    public LocalGroup Group { get; private set; } = null!;
    public IReadOnlyList<GroupMemberRow> Members { get; private set; } = [];
    public int MemberCount { get; private set; }
    public bool CanEdit => organization.CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = LocalGroupForm.From(Group);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var group = await db.LocalGroups.InOrganization(organization.Id).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        if (ModelState.IsValid)
        {
            if (!await GroupNames.TakenAsync(db, organization.Id, Input.Name!.Trim(), id, ct))
            {
                Input.ApplyTo(group);
                if (await GroupNames.SaveAsync(db, ct))
                {
                    return Redirect($"/admin/groups/{id}");
                }
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(LocalGroupForm.Name)}", localizer[SupporterMessages.GroupNameTaken]);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        // Memberships go with it (cascade); the supporters stay.
        var deleted = await db.LocalGroups.InOrganization(organization.Id).Where(g => g.Id == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? NotFound() : Redirect("/admin/groups");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var group = await db.LocalGroups.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
        if (group is null)
        {
            return false;
        }
        Group = group;
        var members = from m in db.GroupMemberships
                      join s in db.Supporters on m.SupporterId equals s.Id
                      where m.GroupId == id && s.OrganizationId == organization.Id
                      select new { m, s };
        MemberCount = await members.CountAsync(ct);
        Members = await members
            .OrderByDescending(x => x.m.Role == GroupRole.Leader).ThenBy(x => x.s.LastName).ThenBy(x => x.s.FirstName)
            .Take(MembersShown)
            .Select(x => new GroupMemberRow(x.s.Id, x.s.FirstName, x.s.LastName, x.s.Email, x.m.Role, x.m.JoinedAt, x.s.ErasedAt != null))
            .ToListAsync(ct);
        return true;
    }
}
