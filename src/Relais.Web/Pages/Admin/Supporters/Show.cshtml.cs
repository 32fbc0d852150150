using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Channels;
using Relais.Data;
using Relais.Groups;
using Relais.Organizations;
using Relais.Petitions;
using Relais.Supporters;
using Relais.Tags;
using Relais.Web.Localization;
using Relais.Web.Members;
using Relais.Web.Supporters;

namespace Relais.Web.Pages.Admin.Supporters;

/// <summary>A supporter's profile, and the organizer's actions on it: tags, groups, channels, merge.</summary>
public sealed class ShowModel(
    RelaisDb db,
    CurrentOrganization organization,
    PetitionCounters counters,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    ILogger<ShowModel> logger) : PageModel
{
    public SupporterProfile Profile { get; private set; } = null!;
    public bool CanEdit => organization.CanEdit;
    public Guid SupporterId => Profile.Supporter.Id;
    public string? Error { get; private set; }
    public bool Merged { get; private set; }

    [BindProperty]
    public string? TagName { get; set; }

    [BindProperty]
    public string? MergeEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, bool merged, CancellationToken ct)
    {
        Merged = merged;
        return await ShowAsync(id, p ?? 1, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostTagAsync(Guid id, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        var name = TagName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Tag.NameMax || name.Any(char.IsControl))
        {
            return await InvalidAsync(id, SupporterMessages.TagInvalid, ct);
        }
        await Tagging.TagAsync(db, organization.Id, supporter.Id, name, "organizer", clock.GetUtcNow(), ct);
        return Back(id);
    }, ct);

    public Task<IActionResult> OnPostUntagAsync(Guid id, Guid tagId, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        await Tagging.UntagAsync(db, organization.Id, supporter.Id, tagId, ct);
        return Back(id);
    }, ct);

    public Task<IActionResult> OnPostJoinGroupAsync(Guid id, Guid groupId, GroupRole role, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        if (!ModelState.IsValid || !Enum.IsDefined(role))
        {
            return BadRequest();
        }
        if (!await db.LocalGroups.InOrganization(organization.Id).AnyAsync(g => g.Id == groupId, ct))
        {
            return NotFound();
        }
        var membership = await db.GroupMemberships.SingleOrDefaultAsync(m => m.GroupId == groupId && m.SupporterId == supporter.Id, ct);
        if (membership is null)
        {
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = groupId,
                SupporterId = supporter.Id,
                OrganizationId = organization.Id,
                Role = role,
                JoinedAt = clock.GetUtcNow(),
            });
        }
        else
        {
            membership.Role = role;
        }
        await SaveIgnoringRaceAsync(ct);
        return Back(id);
    }, ct);

    public Task<IActionResult> OnPostLeaveGroupAsync(Guid id, Guid groupId, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        await db.GroupMemberships.InOrganization(organization.Id)
            .Where(m => m.GroupId == groupId && m.SupporterId == supporter.Id).ExecuteDeleteAsync(ct);
        return Back(id);
    }, ct);

    public Task<IActionResult> OnPostJoinChannelAsync(Guid id, Guid channelId, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        if (!await db.Channels.InOrganization(organization.Id).AnyAsync(c => c.Id == channelId, ct))
        {
            return NotFound();
        }
        if (!await db.ChannelMemberships.AnyAsync(m => m.ChannelId == channelId && m.SupporterId == supporter.Id, ct))
        {
            db.ChannelMemberships.Add(new ChannelMembership
            {
                ChannelId = channelId,
                SupporterId = supporter.Id,
                OrganizationId = organization.Id,
                Source = "organizer",
                JoinedAt = clock.GetUtcNow(),
            });
            await SaveIgnoringRaceAsync(ct);
        }
        return Back(id);
    }, ct);

    public Task<IActionResult> OnPostLeaveChannelAsync(Guid id, Guid channelId, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        await db.ChannelMemberships.InOrganization(organization.Id)
            .Where(m => m.ChannelId == channelId && m.SupporterId == supporter.Id).ExecuteDeleteAsync(ct);
        return Back(id);
    }, ct);

    /// <summary>Merges another record into this one: found by email from the profile, or by id from the edit page's offer.</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, Guid? otherId, CancellationToken ct) => ActAsync(id, async supporter =>
    {
        Guid other;
        if (otherId is { } given)
        {
            other = given;
        }
        else
        {
            var email = EmailAddress.IsValid(MergeEmail) ? EmailAddress.Normalize(MergeEmail!) : null;
            var found = email is null ? null
                : await db.Supporters.InOrganization(organization.Id).Where(s => s.NormalizedEmail == email).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return await InvalidAsync(id, SupporterMessages.NoSuchEmail, ct);
            }
            other = found.Value;
        }
        MergeResult result;
        try
        {
            result = await SupporterMerge.MergeAsync(db, organization.Id, supporter.Id, other, ct);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            logger.LogWarning(ex, "Merging supporter {Other} into {Survivor} failed; rolled back", other, supporter.Id);
            db.ChangeTracker.Clear();
            return await InvalidAsync(id, SupporterMessages.MergeFailed, ct, StatusCodes.Status409Conflict);
        }
        switch (result.Outcome)
        {
            case MergeOutcome.NotFound:
                return NotFound();
            case MergeOutcome.SameSupporter:
                return await InvalidAsync(id, SupporterMessages.MergeSelf, ct);
            case MergeOutcome.Erased:
                return await InvalidAsync(id, SupporterMessages.MergeErased, ct);
            case MergeOutcome.PersonalPagesClash:
                return await InvalidAsync(id, SupporterMessages.MergePagesClash, ct, StatusCodes.Status409Conflict);
            case MergeOutcome.TaxReceiptsClash:
                return await InvalidAsync(id, SupporterMessages.MergeTaxReceiptsClash, ct, StatusCodes.Status409Conflict);
        }
        foreach (var (petitionId, dropped) in result.DroppedSignatures)
        {
            counters.Add(petitionId, -dropped);
        }
        return Redirect($"/admin/supporters/{id}?merged=true");
    }, ct);

    /// <summary>Runs an organizer's action on a supporter of this organization that still has data.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Supporter, Task<IActionResult>> action, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var supporter = await db.Supporters.InOrganization(organization.Id).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (supporter is null)
        {
            return NotFound();
        }
        if (supporter.ErasedAt is not null)
        {
            return await InvalidAsync(id, SupporterMessages.Erased, ct);
        }
        return await action(supporter);
    }

    private async Task SaveIgnoringRaceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same membership was added at the same moment: the primary key kept one.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<IActionResult> InvalidAsync(Guid id, string messageKey, CancellationToken ct, int status = StatusCodes.Status400BadRequest)
    {
        Error = localizer[messageKey];
        if (!await ShowAsync(id, 1, ct))
        {
            return NotFound();
        }
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> ShowAsync(Guid id, int page, CancellationToken ct)
    {
        var profile = await SupporterProfile.LoadAsync(db, organization.Id, id, page, LocalizationSetup.CurrentLanguage, ct);
        if (profile is null)
        {
            return false;
        }
        Profile = profile;
        return true;
    }

    private RedirectResult Back(Guid id) => Redirect($"/admin/supporters/{id}");
}
