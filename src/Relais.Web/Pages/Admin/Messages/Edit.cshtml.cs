using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Localization;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>The composer: a message's audience, options and words in each language, editable until it is sent.</summary>
public sealed class EditModel(
    RelaisDb db,
    CurrentOrganization organization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Choice(Guid Id, string Name);

    [BindProperty]
    public MessageDraft Input { get; set; } = new();

    public Message? Message { get; private set; }
    public IReadOnlyList<Choice> Segments { get; private set; } = [];
    public IReadOnlyList<Choice> Campaigns { get; private set; } = [];

    /// <summary>How many supporters the chosen segment holds now; null without a segment or when its conditions need correcting.</summary>
    public int? SegmentSize { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>Organizers change a message until it starts sending; members only read it.</summary>
    public bool CanEdit => organization.CanEdit && (Message is null || IsEditable(Message));

    public static bool IsEditable(Message message) => message.Status is MessageStatus.Draft or MessageStatus.Scheduled;

    public async Task<IActionResult> OnGetAsync(Guid? id, bool saved, CancellationToken ct)
    {
        if (id is { } messageId)
        {
            Message = await FindAsync(messageId, ct);
            if (Message is null)
            {
                return NotFound();
            }
            Input = MessageDraft.From(Message, await VersionsAsync(messageId, ct));
        }
        else if (!organization.CanEdit)
        {
            return Forbid();
        }
        Saved = saved;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, CancellationToken ct)
    {
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        if (id is { } messageId)
        {
            Message = await FindAsync(messageId, ct);
            if (Message is null)
            {
                return NotFound();
            }
        }
        ModelState.Clear();
        await LoadChoicesAsync(ct);
        if (Message is not null && !IsEditable(Message))
        {
            ModelState.AddModelError("", localizer[ComposerMessages.NotEditable]);
            return Invalid();
        }
        foreach (var error in Input.Validate())
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", ComposerText.Of(localizer, error));
        }
        var segmentId = ReadChoice(Input.SegmentId, Segments, nameof(MessageDraft.SegmentId), ComposerMessages.SegmentNotFound);
        var campaignId = ReadChoice(Input.CampaignId, Campaigns, nameof(MessageDraft.CampaignId), ComposerMessages.CampaignNotFound);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow();
        var message = Message ?? new Message { OrganizationId = organization.Id, Name = Input.Name!, CreatedAt = now };
        if (Message is null)
        {
            db.Messages.Add(message);
        }
        Input.ApplyTo(message, segmentId, campaignId, now);
        var stored = await db.MessageVersions.Where(v => v.MessageId == message.Id).ToListAsync(ct);
        var wanted = Input.ToVersions(message.Id);
        foreach (var version in wanted)
        {
            if (stored.FirstOrDefault(v => v.Language == version.Language) is { } existing)
            {
                (existing.Subject, existing.Preheader, existing.Body) = (version.Subject, version.Preheader, version.Body);
            }
            else
            {
                db.MessageVersions.Add(version);
            }
        }
        db.MessageVersions.RemoveRange(stored.Where(v => wanted.All(w => w.Language != v.Language)));
        // One SaveChanges is one transaction: the message and its versions change together or not at all.
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/messages/{message.Id}?saved=true");
    }

    /// <summary>The posted id when it is one of the organization's; empty means none; anything else is an error.</summary>
    private Guid? ReadChoice(string? posted, IReadOnlyList<Choice> choices, string field, string errorKey)
    {
        if (string.IsNullOrWhiteSpace(posted))
        {
            return null;
        }
        if (Guid.TryParse(posted, out var id) && choices.Any(c => c.Id == id))
        {
            return id;
        }
        ModelState.AddModelError($"{nameof(Input)}.{field}", localizer[errorKey]);
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Segments = await db.Segments.InOrganization(organization.Id).AsNoTracking()
            .OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        var language = LocalizationSetup.CurrentLanguage;
        var campaigns = await db.Campaigns.InOrganization(organization.Id).AsNoTracking().Include(c => c.Texts)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        Campaigns = [.. campaigns.Select(c => new Choice(c.Id, c.TextFor(language)?.Title is { Length: > 0 } title ? title : c.Slug))];
        if (Guid.TryParse(Input.SegmentId, out var segmentId))
        {
            SegmentSize = await Relais.Messaging.SegmentSize.CountAsync(db, organization.Id, segmentId, clock.GetUtcNow(), ct);
        }
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private Task<Message?> FindAsync(Guid id, CancellationToken ct) =>
        db.Messages.InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);

    private Task<List<MessageVersion>> VersionsAsync(Guid messageId, CancellationToken ct) =>
        db.MessageVersions.AsNoTracking().Where(v => v.MessageId == messageId).ToListAsync(ct);
}
