using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Ladder;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Ladder;

/// <summary>The organization's ladder levels with their rules; organizers edit them through rows of conditions.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Blank rows offered under each level's conditions, to add some without JavaScript.</summary>
    public const int BlankRows = 2;

    [BindProperty]
    public List<LadderLevelDraft> Levels { get; set; } = [];

    public bool CanEdit => organization.CanEdit;
    public bool Saved { get; private set; }

    /// <summary>Problems per level rank, each as a sentence in the user's language.</summary>
    public Dictionary<int, List<string>> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Levels = (await db.EnsureAsync(organization.Id, ct)).Select(LadderLevelDraft.From).ToList();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        ModelState.Clear();
        await db.EnsureAsync(organization.Id, ct);
        var stored = await db.LadderLevels.InOrganization(organization.Id).ToDictionaryAsync(l => l.Rank, ct);
        var changes = new List<(LadderLevelDraft Draft, LadderLevel Level, IReadOnlyList<LadderCondition> Conditions)>();
        if (Levels.Count == 0 || Levels.Select(l => l.Rank).Distinct().Count() != Levels.Count)
        {
            AddError(0, LadderMessages.UnknownLevel, null);
        }
        foreach (var draft in Levels)
        {
            if (!stored.TryGetValue(draft.Rank, out var level))
            {
                AddError(draft.Rank, LadderMessages.UnknownLevel, null);
                continue;
            }
            var result = draft.Read();
            foreach (var error in result.Errors)
            {
                AddError(draft.Rank, error.MessageKey, error.Condition);
            }
            changes.Add((draft, level, result.Conditions));
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rulesChanged = false;
        foreach (var (draft, level, conditions) in changes)
        {
            rulesChanged |= draft.ApplyTo(level, conditions);
        }
        await db.SaveChangesAsync(ct);
        if (rulesChanged)
        {
            // Everyone is placed again under the new rules by the ladder job, and each change recorded.
            await db.MarkOrganizationDueAsync(organization.Id, ct);
        }
        await transaction.CommitAsync(ct);
        return Redirect("/admin/ladder?saved=true");
    }

    private void AddError(int rank, string messageKey, int? condition)
    {
        var message = condition is { } n ? localizer["Condition {0}: {1}", n, localizer[messageKey]] : localizer[messageKey];
        if (!Errors.TryGetValue(rank, out var list))
        {
            Errors[rank] = list = [];
        }
        list.Add(message);
    }
}
