using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Emails;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>A message as any supporter will get it, and a test of it sent to oneself.</summary>
public sealed class PreviewModel(
    RelaisDb db, CurrentOrganization organization, MessagePreview preview, UserManager<Member> members, TimeProvider clock) : PageModel
{
    public const int SearchMax = 10;

    public sealed record Match(Guid Id, string Email, string Name, string Language);

    public Message Message { get; private set; } = null!;
    public PreviewedEmail? Email { get; private set; }
    public Guid? SupporterId { get; private set; }
    public string? Search { get; private set; }
    public IReadOnlyList<Match> Matches { get; private set; } = [];
    public bool Sent { get; private set; }
    public bool CanEdit => organization.CanEdit;

    public async Task<IActionResult> OnGetAsync(Guid id, string? q, Guid? supporter, bool sent, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } message)
        {
            return NotFound();
        }
        Message = message;
        Sent = sent;
        Search = q is { Length: > 100 } ? q[..100] : q?.Trim();
        if (!string.IsNullOrEmpty(Search))
        {
            var term = Search.ToLowerInvariant();
            Matches = await db.Supporters.AsNoTracking().InOrganization(organization.Id)
                .Where(s => s.ErasedAt == null && s.NormalizedEmail.Contains(term))
                .OrderBy(s => s.NormalizedEmail).Take(SearchMax)
                .Select(s => new Match(s.Id, s.Email, (s.FirstName + " " + s.LastName).Trim(), s.Language))
                .ToListAsync(ct);
        }
        SupporterId = supporter;
        Email = await preview.RenderAsync(message, supporter, ct);
        // An unknown or other organization's supporter is not found rather than silently replaced.
        return supporter is not null && Email is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, Guid? supporter, CancellationToken ct)
    {
        if (!organization.CanEdit)
        {
            return Forbid();
        }
        if (await FindAsync(id, ct) is not { } message || await preview.RenderAsync(message, supporter, ct) is not { } email)
        {
            return NotFound();
        }
        var member = await members.GetUserAsync(User);
        if (member?.Email is not { Length: > 0 } to)
        {
            return Forbid();
        }
        var settings = await db.EmailSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganizationId == organization.Id, ct);
        var from = settings?.FromAddress is { Length: > 0 } address ? new MailSender(settings.FromName ?? "", address, settings.ReplyTo) : null;
        db.OutboxMessages.Add(TestEmail.Enqueue(organization.Id, to, email.Email, from, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/messages/{id}/preview?sent=true" + (supporter is { } s ? $"&supporter={s}" : ""));
    }

    private Task<Message?> FindAsync(Guid id, CancellationToken ct) =>
        db.Messages.AsNoTracking().InOrganization(organization.Id).SingleOrDefaultAsync(m => m.Id == id, ct);
}
