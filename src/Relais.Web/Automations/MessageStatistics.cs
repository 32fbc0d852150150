using Microsoft.EntityFrameworkCore;
using Relais.Activities;
using Relais.Data;
using Relais.Messaging;

namespace Relais.Web.Automations;

/// <summary>What became of one message: delivery, clicks, opens, and the actions its recipients took afterwards.</summary>
public sealed record MessageStats(
    Guid Id,
    string Name,
    MessageStatus Status,
    DateTimeOffset? StartedAt,
    int Recipients,
    int Sent,
    int Bounced,
    int Failed,
    int Skipped,
    int Unsubscribed,
    int Unconfirmed,
    bool TrackClicks,
    int Clickers,
    IReadOnlyList<MessageLinkStats> Links,
    bool TrackOpens,
    int Openers,
    int AttributionDays,
    long Actions,
    long ActingPeople);

public sealed record MessageLinkStats(int Index, string Url, int Clicks);

public static class MessageStatistics
{
    /// <summary>What counts as an action for attribution: what a person does for a campaign, not what they do with email.</summary>
    public static readonly IReadOnlyList<ActivityType> Actions =
    [
        ActivityType.Signed, ActivityType.Donated, ActivityType.Pledged, ActivityType.Rsvped, ActivityType.Attended,
        ActivityType.Hosted, ActivityType.Shared, ActivityType.Referred, ActivityType.Submitted,
    ];

    // SQLite stores DateTimeOffset as EF's binary form, ((ticks / 1000) << 11) | offset minutes, in UTC:
    // adding a day is adding a day's ticks shifted the same way.
    private const long SqliteBinaryPerDay = TimeSpan.TicksPerDay / 1000 << 11;

    /// <summary>The statistics of a message of <paramref name="organizationId"/>; null when it has no such message.</summary>
    public static async Task<MessageStats?> StatisticsAsync(this RelaisDb db, Guid organizationId, Guid messageId, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking().Where(m => m.Id == messageId && m.OrganizationId == organizationId).SingleOrDefaultAsync(ct);
        if (message is null)
        {
            return null;
        }
        var recipients = db.MessageRecipients.Where(r => r.MessageId == messageId);
        var byStatus = await recipients.GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(RecipientStatus status) => byStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
        var clickers = message.TrackClicks ? await recipients.CountAsync(r => r.ClickedAt != null, ct) : 0;
        var links = message.TrackClicks
            ? await db.MessageLinks.AsNoTracking().Where(l => l.MessageId == messageId).OrderBy(l => l.Index)
                .Select(l => new MessageLinkStats(l.Index, l.Url, l.ClickCount)).ToListAsync(ct)
            : [];
        // While a send runs, the copies between their hand-over and the server's answer are normal.
        var unconfirmed = message.Status == MessageStatus.Sending ? 0
            : await recipients.CountAsync(r => r.Status == RecipientStatus.Sent && r.AcceptedAt == null, ct);
        var openers = message.TrackOpens ? await recipients.CountAsync(r => r.OpenedAt != null, ct) : 0;
        var attributed = await AttributedAsync(db, organizationId, messageId, message.AttributionDays, ct);
        return new MessageStats(
            message.Id, message.Name, message.Status, message.StartedAt,
            byStatus.Sum(s => s.Count), Count(RecipientStatus.Sent), Count(RecipientStatus.Bounced), Count(RecipientStatus.Failed),
            Count(RecipientStatus.Skipped), message.UnsubscribedCount, unconfirmed,
            message.TrackClicks, clickers, links, message.TrackOpens, openers,
            message.AttributionDays, attributed.Actions, attributed.People);
    }

    /// <summary>
    /// Actions taken by the message's recipients within its attribution window after their copy was
    /// sent: one set-based query, the window computed per recipient in SQL.
    /// </summary>
    private static async Task<Attributed> AttributedAsync(RelaisDb db, Guid organizationId, Guid messageId, int days, CancellationToken ct)
    {
        var types = string.Join(", ", Actions.Select(a => "'" + a + "'"));
        var sqlite = db.Database.IsSqlite();
        var windowEnd = sqlite ? "r.\"SentAt\" + {2}" : "r.\"SentAt\" + make_interval(days => {2})";
        var window = sqlite ? (object)(days * SqliteBinaryPerDay) : days;
#pragma warning disable EF1002 // The only text put in is the constant list of activity types; values go as parameters.
        var sql = $$"""
            SELECT COUNT(*) AS "Actions", COUNT(DISTINCT a."SupporterId") AS "People"
            FROM "MessageRecipients" r
            JOIN "Activities" a ON a."SupporterId" = r."SupporterId"
            WHERE r."MessageId" = {0} AND r."SentAt" IS NOT NULL AND a."OrganizationId" = {1}
              AND a."Type" IN ({{types}}) AND a."OccurredAt" >= r."SentAt" AND a."OccurredAt" <= {{windowEnd}}
            """;
        return (await db.Database.SqlQueryRaw<Attributed>(sql, messageId, organizationId, window).ToListAsync(ct)).Single();
#pragma warning restore EF1002
    }

    internal sealed class Attributed
    {
        public long Actions { get; init; }
        public long People { get; init; }
    }
}
