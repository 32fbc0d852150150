using Microsoft.EntityFrameworkCore;
using Relais.Consents;
using Relais.Data;
using Relais.Privacy;

namespace Relais.Messaging;

/// <summary>A queued row a sender holds, with the claim that proves it is still this sender's.</summary>
public sealed record ClaimedRecipient(long Id, Guid SupporterId, int Attempts);

/// <summary>What happened to one recipient of a group, before or after the hand-over.</summary>
public enum Outcome
{
    Sent,
    Skipped,
    Retry,
    Failed,
    Bounced,
    Abandoned,
}

/// <summary>
/// The database side of a bulk send: claims with a lease, the re-check in the hand-over
/// transaction, and the set-based status changes, each bumping the message's totals in the same
/// transaction.
/// </summary>
public sealed class SendQueue(RelaisDb db, TimeProvider clock)
{
    /// <summary>
    /// Claims up to <paramref name="count"/> rows that are due (queued, or claimed by a sender whose
    /// lease ran out) with conditional UPDATEs. The lease end, made unique with a random part, is the
    /// claim's identity: a row reclaimed after expiry no longer matches the first sender's.
    /// </summary>
    public async Task<(DateTimeOffset Claim, List<ClaimedRecipient> Rows)> ClaimAsync(Guid messageId, int count, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claim = LeaseClaim.Until(now + lease);
        // Expired claims first, then queued rows in queue order: two range scans of the
        // (MessageId, Status, Id) index. One query with OR would sort every queued row to take a batch.
        var claimed = await ClaimWhereAsync(messageId, RecipientStatus.Claimed, now, count, claim, ct);
        if (claimed < count)
        {
            claimed += await ClaimWhereAsync(messageId, RecipientStatus.Queued, now, count - claimed, claim, ct);
        }
        if (claimed == 0)
        {
            return (claim, []);
        }
        var rows = await Mine(messageId, claim)
            .OrderBy(r => r.Id).Select(r => new ClaimedRecipient(r.Id, r.SupporterId, r.Attempts)).ToListAsync(ct);
        return (claim, rows);
    }

    /// <summary>Claims up to <paramref name="count"/> due rows in one status: queued and due, or claimed with an expired lease.</summary>
    private async Task<int> ClaimWhereAsync(Guid messageId, RecipientStatus status, DateTimeOffset now, int count, DateTimeOffset claim, CancellationToken ct)
    {
        IQueryable<long> due;
        if (db.Database.IsNpgsql())
        {
            // Nodes skip each other's rows instead of waiting on them.
            due = (status == RecipientStatus.Queued
                ? db.MessageRecipients.FromSql($"""
                    SELECT * FROM "MessageRecipients"
                    WHERE "MessageId" = {messageId} AND "Status" = 'Queued' AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {now})
                    ORDER BY "Id" LIMIT {count} FOR UPDATE SKIP LOCKED
                    """)
                : db.MessageRecipients.FromSql($"""
                    SELECT * FROM "MessageRecipients"
                    WHERE "MessageId" = {messageId} AND "Status" = 'Claimed' AND "ClaimedUntil" < {now}
                    ORDER BY "Id" LIMIT {count} FOR UPDATE SKIP LOCKED
                    """)).Select(r => r.Id);
        }
        else
        {
            due = Due(db.MessageRecipients, messageId, status, now).OrderBy(r => r.Id).Select(r => r.Id).Take(count);
        }
        return await Due(db.MessageRecipients, messageId, status, now).Where(r => due.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Claimed).SetProperty(r => r.ClaimedUntil, claim), ct);
    }

    private static IQueryable<MessageRecipient> Due(IQueryable<MessageRecipient> rows, Guid messageId, RecipientStatus status, DateTimeOffset now) =>
        status == RecipientStatus.Queued
            ? rows.Where(r => r.MessageId == messageId && r.Status == RecipientStatus.Queued && (r.NextAttemptAt == null || r.NextAttemptAt <= now))
            : rows.Where(r => r.MessageId == messageId && r.Status == RecipientStatus.Claimed && r.ClaimedUntil < now);

    private IQueryable<MessageRecipient> Mine(Guid messageId, DateTimeOffset claim) =>
        db.MessageRecipients.Where(r => r.MessageId == messageId && r.Status == RecipientStatus.Claimed && r.ClaimedUntil == claim);

    /// <summary>
    /// Which of the claimed supporters may still receive the message now: the reason for each who
    /// may not (suppressed, no longer mailable, over the weekly cap), in a fixed number of queries.
    /// </summary>
    public async Task<Dictionary<Guid, string>> RefusalsAsync(
        Guid organizationId, Guid messageId, bool overrideCap, int weeklyCap, IReadOnlyCollection<Guid> supporterIds, CancellationToken ct)
    {
        var refusals = new Dictionary<Guid, string>();
        var ids = supporterIds.ToList();
        var mailable = await db.Supporters.AsNoTracking().Where(s => s.OrganizationId == organizationId && ids.Contains(s.Id)).Mailable()
            .Select(s => new { s.Id, s.NormalizedEmail }).ToListAsync(ct);
        var mailableIds = mailable.Select(m => m.Id).ToHashSet();
        foreach (var id in ids.Where(id => !mailableIds.Contains(id)))
        {
            refusals[id] = DeliveryRules.NotMailable;
        }
        var hashes = mailable.ToDictionary(m => m.Id, m => SuppressedEmail.Hash(m.NormalizedEmail));
        var hashList = hashes.Values.ToList();
        var suppressed = (await db.SuppressedEmails.AsNoTracking()
            .Where(s => s.OrganizationId == organizationId && hashList.Contains(s.EmailHash)).Select(s => s.EmailHash).ToListAsync(ct)).ToHashSet();
        foreach (var (id, hash) in hashes.Where(h => suppressed.Contains(h.Value)))
        {
            refusals[id] = DeliveryRules.Suppressed;
        }
        if (!overrideCap && weeklyCap > 0)
        {
            var since = clock.GetUtcNow() - DeliveryRules.CapWindow;
            var counted = hashes.Keys.Where(id => !refusals.ContainsKey(id)).ToList();
            var sent = await db.MessageRecipients.AsNoTracking()
                .Where(r => counted.Contains(r.SupporterId) && r.MessageId != messageId && r.Status == RecipientStatus.Sent && r.SentAt >= since)
                .GroupBy(r => r.SupporterId).Select(g => new { SupporterId = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var row in sent.Where(r => !DeliveryRules.UnderCap(weeklyCap, r.Count, overrideCap)))
            {
                refusals[row.SupporterId] = DeliveryRules.Capped;
            }
        }
        return refusals;
    }

    /// <summary>Marks skipped rows still held by this claim; returns how many.</summary>
    public async Task<int> SkipAsync(Guid messageId, DateTimeOffset claim, IEnumerable<(long Id, string Reason)> rows, CancellationToken ct)
    {
        var total = 0;
        foreach (var group in rows.GroupBy(r => r.Reason))
        {
            var ids = group.Select(r => r.Id).ToList();
            total += await Mine(messageId, claim).Where(r => ids.Contains(r.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Skipped).SetProperty(r => r.Error, group.Key).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct);
        }
        if (total > 0)
        {
            await db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.SkippedCount, m => m.SkippedCount + total), ct);
        }
        return total;
    }

    /// <summary>Which of these rows this claim still holds (a cancel or an expired lease takes them away).</summary>
    public async Task<HashSet<long>> StillMineAsync(Guid messageId, DateTimeOffset claim, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return (await Mine(messageId, claim).Where(r => list.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
    }

    public async Task MarkSentAsync(Guid messageId, DateTimeOffset claim, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var list = ids.ToList();
        var now = clock.GetUtcNow();
        var sent = await Mine(messageId, claim).Where(r => list.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Sent).SetProperty(r => r.SentAt, now).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct);
        await db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentCount, m => m.SentCount + sent), ct);
    }

    /// <summary>The server answered the final dots of these sent rows.</summary>
    public async Task MarkAcceptedAsync(Guid messageId, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var list = ids.ToList();
        var now = clock.GetUtcNow();
        await db.MessageRecipients.Where(r => r.MessageId == messageId && r.Status == RecipientStatus.Sent && list.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AcceptedAt, now), ct);
    }

    /// <summary>
    /// A refusal: 4xx back to the queue after a wait (failed after the last attempt), 5xx bounced
    /// and on the do-not-send list. <paramref name="wasSent"/>: the row had been marked sent before the verdict.
    /// </summary>
    public async Task RefusedAsync(
        Guid organizationId, Guid messageId, ClaimedRecipient row, DateTimeOffset? claim, SmtpVerdict verdict, string? normalizedEmail, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var attempts = row.Attempts + 1;
        var error = DeliveryRules.Error($"{verdict.Code} {verdict.Text}");
        var target = verdict.Permanent ? RecipientStatus.Bounced
            : DeliveryRules.IsLastAttempt(attempts) ? RecipientStatus.Failed
            : RecipientStatus.Queued;
        var expected = claim is null ? RecipientStatus.Sent : RecipientStatus.Claimed;
        var rows = db.MessageRecipients.Where(r => r.Id == row.Id && r.Status == expected);
        if (claim is { } c)
        {
            rows = rows.Where(r => r.ClaimedUntil == c);
        }
        DateTimeOffset? next = target == RecipientStatus.Queued ? now + DeliveryRules.Backoff(attempts) : null;
        var changed = await rows.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, target)
            .SetProperty(r => r.Attempts, attempts)
            .SetProperty(r => r.NextAttemptAt, next)
            .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(r => r.SentAt, (DateTimeOffset?)null)
            .SetProperty(r => r.Error, error), ct);
        if (changed == 0)
        {
            return;
        }
        var unsent = claim is null ? 1 : 0;
        var failed = target == RecipientStatus.Failed ? 1 : 0;
        var bounced = target == RecipientStatus.Bounced ? 1 : 0;
        await db.Messages.Where(m => m.Id == messageId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentCount, m => m.SentCount - unsent)
            .SetProperty(m => m.FailedCount, m => m.FailedCount + failed)
            .SetProperty(m => m.BouncedCount, m => m.BouncedCount + bounced), ct);
        if (bounced == 1 && normalizedEmail is not null)
        {
            await SuppressAsync(db, organizationId, normalizedEmail, DeliveryRules.BounceReason, now, ct);
        }
    }

    /// <summary>Releases rows a sender could not hand over (connection lost before the commit), for another try now.</summary>
    public Task<int> ReleaseAsync(Guid messageId, DateTimeOffset claim, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        return Mine(messageId, claim).Where(r => list.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Queued).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>A message is sent once nobody is queued or claimed any more.</summary>
    public async Task<bool> FinishIfDoneAsync(Guid messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Messages.Where(m => m.Id == messageId && m.Status == MessageStatus.Sending
                && !db.MessageRecipients.Any(r => r.MessageId == messageId && (r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Claimed)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sent).SetProperty(m => m.FinishedAt, now).SetProperty(m => m.UpdatedAt, now), ct) == 1;
    }

    /// <summary>Puts an address on the organization's do-not-send list unless it is there already.</summary>
    public static async Task SuppressAsync(RelaisDb db, Guid organizationId, string normalizedEmail, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var hash = SuppressedEmail.Hash(normalizedEmail);
        if (await db.SuppressedEmails.AnyAsync(s => s.OrganizationId == organizationId && s.EmailHash == hash, ct))
        {
            return;
        }
        await db.InsertAsync([new SuppressedEmail { OrganizationId = organizationId, EmailHash = hash, Reason = reason, SuppressedAt = now }], ct);
    }
}

/// <summary>A refusal from the server, as the queue records it.</summary>
public readonly record struct SmtpVerdict(int Code, string Text, bool Permanent);
