using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Contests;
using Relais.Data;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Contests;

/// <summary>Another organization's organizer enters a contest with its join code, with one of their own fundraisers or teams.</summary>
public sealed class JoinModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Contest? Contest { get; private set; }
    public IReadOnlyList<EntryChoice> Choices { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(ct))
        {
            Error = localizer[ContestMessages.UnknownCode];
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid choice, string? displayName, CancellationToken ct)
    {
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(ct))
        {
            Error = localizer[ContestMessages.UnknownCode];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var contest = Contest!;
        var (fundraiserId, teamId) = contest.EntryKind == ContestEntryKind.Fundraisers ? ((Guid?)choice, (Guid?)null) : (null, choice);
        var refusal = await ContestEntries.EnterAsync(db, contest, organization.Id, fundraiserId, teamId, displayName, clock.GetUtcNow(), ct);
        if (refusal is not null)
        {
            Error = localizer[refusal];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect("/contests/" + Uri.EscapeDataString(contest.Slug));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var code = ContestCodes.Normalize(Code);
        if (code.Length == 0)
        {
            return false;
        }
        // The contest is another organization's: only its title, kind and currency are shown here.
        Contest = await db.Contests.AsNoTracking().SingleOrDefaultAsync(c => c.JoinCode == code, ct);
        if (Contest is null)
        {
            return false;
        }
        Choices = await EntryChoices.ForAsync(db, organization.Id, Contest.EntryKind, ct);
        return true;
    }
}
