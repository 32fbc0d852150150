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

/// <summary>The organization's contests, those it entered, a new contest, and entering another's by its join code.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string SlugTaken = Relais.Contests.ContestMessages.SlugTaken;

    [BindProperty]
    public ContestDraft Input { get; set; } = new();

    public IReadOnlyList<Contest> Own { get; private set; } = [];
    public IReadOnlyList<Contest> Entered { get; private set; } = [];
    public bool CanEdit => organization.CanEdit;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Input = new ContestDraft { StartsAt = ContestDraft.Text(now), EndsAt = ContestDraft.Text(now.AddDays(30)) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        var errors = Input.Validate(out var period);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.MessageKey]);
        }
        var slug = Input.Slug?.Trim() ?? "";
        if (ModelState.IsValid && await db.Contests.AnyAsync(c => c.Slug == slug, ct))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ContestDraft.Slug)}", localizer[SlugTaken]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var contest = new Contest
        {
            OrganizationId = organization.Id,
            Title = Input.Title!.Trim(),
            Slug = slug,
            Currency = Input.Currency,
            EntryKind = Input.EntryKind,
            StartsAt = period.StartsAt,
            EndsAt = period.EndsAt,
            BonusStartsAt = period.BonusStartsAt,
            BonusEndsAt = period.BonusEndsAt,
            JoinCode = ContestCodes.New(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Contests.Add(contest);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ContestDraft.Slug)}", localizer[SlugTaken]);
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"/admin/contests/{contest.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Own = await db.Contests.InOrganization(organization.Id).OrderByDescending(c => c.StartsAt).ToListAsync(ct);
        var entered = db.ContestEntries.Where(e => e.OrganizationId == organization.Id).Select(e => e.ContestId);
        Entered = await db.Contests.Where(c => c.OrganizationId != organization.Id && entered.Contains(c.Id))
            .OrderByDescending(c => c.StartsAt).ToListAsync(ct);
    }
}
