using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Messaging;
using Relais.Organizations;
using Relais.Web.Members;

namespace Relais.Web.Pages.Admin.Messages;

/// <summary>The organization's emails, newest first, with where each one stands.</summary>
public sealed class IndexModel(RelaisDb db, CurrentOrganization organization) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(
        Guid Id, string Name, MessageStatus Status, string? Segment, DateTimeOffset? ScheduledAt, DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt, int Recipients, int Sent, int Bounced, int Unsubscribed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanEdit => organization.CanEdit;

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var messages = db.Messages.InOrganization(organization.Id).AsNoTracking();
        Total = await messages.CountAsync(ct);
        PageNumber = Math.Clamp(p ?? 1, 1, PageCount);
        var segments = db.Segments.InOrganization(organization.Id);
        Rows = await messages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(
                m.Id, m.Name, m.Status, segments.Where(s => s.Id == m.SegmentId).Select(s => s.Name).FirstOrDefault(),
                m.ScheduledAt, m.StartedAt, m.FinishedAt, m.RecipientCount, m.SentCount, m.BouncedCount, m.UnsubscribedCount))
            .ToListAsync(ct);
    }
}
