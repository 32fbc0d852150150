using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Contests;
using Relais.Data;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Contests;

/// <summary>One of the organization's contests: its dates, its entries and its join code.</summary>
public sealed class EditModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public ContestDraft Input { get; set; } = new();

    public Contest Contest { get; private set; } = null!;
    public IReadOnlyList<ContestEntry> Entries { get; private set; } = [];
    public IReadOnlyList<EntryChoice> Choices { get; private set; } = [];
    public string? EntryError { get; private set; }
    public bool CanEdit => organization.CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = ContestDraft.From(Contest);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        var errors = Input.Validate(out var period);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        var slug = Input.Slug?.Trim() ?? "";
        if (ModelState.IsValid && await db.Contests.AnyAsync(c => c.Slug == slug && c.Id != id, ct))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ContestDraft.Slug)}", localizer[IndexModel.SlugTaken]);
        }
        if (ModelState.IsValid && Input.Currency != Contest.Currency && Entries.Count > 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ContestDraft.Currency)}", localizer[ContestMessages.CurrencyMismatch]);
        }
        if (ModelState.IsValid && Contest.FrozenAt is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ContestDraft.EndsAt)}", localizer[ContestMessages.Frozen]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await db.Contests.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Title, Input.Title!.Trim())
            .SetProperty(c => c.Slug, slug)
            .SetProperty(c => c.Currency, Input.Currency)
            .SetProperty(c => c.StartsAt, period.StartsAt)
            .SetProperty(c => c.EndsAt, period.EndsAt)
            .SetProperty(c => c.BonusStartsAt, period.BonusStartsAt)
            .SetProperty(c => c.BonusEndsAt, period.BonusEndsAt)
            .SetProperty(c => c.BoardVersion, c => c.BoardVersion + 1), ct);
        return Redirect($"/admin/contests/{id}");
    }

    public async Task<IActionResult> OnPostEnterAsync(Guid id, Guid choice, string? displayName, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var (fundraiserId, teamId) = Contest.EntryKind == ContestEntryKind.Fundraisers ? ((Guid?)choice, (Guid?)null) : (null, choice);
        var refusal = await ContestEntries.EnterAsync(db, Contest, organization.Id, fundraiserId, teamId, displayName, clock.GetUtcNow(), ct);
        if (refusal is not null)
        {
            EntryError = localizer[refusal];
            Input = ContestDraft.From(Contest);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/admin/contests/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Contest.FrozenAt is null)
        {
            await db.ContestEntries.Where(e => e.Id == entryId && e.ContestId == id).ExecuteDeleteAsync(ct);
            await db.Contests.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.BoardVersion, c => c.BoardVersion + 1), ct);
        }
        return Redirect($"/admin/contests/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var contest = await db.Contests.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contest is null)
        {
            return false;
        }
        Contest = contest;
        Entries = await db.ContestEntries.Where(e => e.ContestId == id).OrderBy(e => e.DisplayName).ToListAsync(ct);
        Choices = await EntryChoices.ForAsync(db, organization.Id, contest.EntryKind, ct);
        return true;
    }
}
