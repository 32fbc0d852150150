using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;
using Relais.Payments;

namespace Relais.Web.Payments;

/// <summary>A verified notification of one organization's account at a provider, waiting to be settled.</summary>
public sealed record SettlementItem(Guid OrganizationId, string Provider, PaymentNotification Notification);

public enum SettlementResult
{
    Moved,
    AlreadyHandled,
    Ignored,
    UnknownPayment,
    AmountMismatch,
}

/// <summary>
/// Applies a verified notification in ONE transaction: the event is recorded (unique per provider
/// and event id, so a replay is recognised and changes nothing), the donation of that organization
/// is found, its amount and currency checked, and it is moved by the ledger.
/// </summary>
public sealed class PaymentSettlement(RelaisDb db, DonationLedger ledger, TimeProvider clock, ILogger<PaymentSettlement> logger)
{
    public async Task<SettlementResult> SettleAsync(Guid organizationId, string provider, PaymentNotification notification, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var donation = await FindAsync(organizationId, provider, notification, ct);
        db.PaymentEvents.Add(Recorded(organizationId, provider, notification, donation));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await db.PaymentEvents.AnyAsync(e => e.Provider == provider && e.EventId == notification.EventId, ct))
            {
                return SettlementResult.AlreadyHandled;
            }
            throw;
        }
        var result = await MoveAsync(organizationId, provider, notification, donation, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Settles the notifications of many requests in ONE transaction (the caller's writer makes
    /// them take turns): one commit, and on SQLite one hand-over of the write lock, for the whole
    /// batch. Events already recorded, or twice in the batch, are "already handled"; a failure
    /// rolls everything back and the caller settles them one by one.
    /// </summary>
    public async Task<SettlementResult[]> SettleManyAsync(IReadOnlyList<SettlementItem> items, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var recorded = new HashSet<(string Provider, string EventId)>();
        // One lookup per provider, so that it seeks the unique (Provider, EventId) index.
        foreach (var provider in items.GroupBy(i => i.Provider))
        {
            var eventIds = provider.Select(i => Truncate(i.Notification.EventId, 200)).Distinct().ToList();
            var known = await db.PaymentEvents.Where(e => e.Provider == provider.Key && eventIds.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(ct);
            recorded.UnionWith(known.Select(id => (provider.Key, id)));
        }
        var results = new SettlementResult[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var (organizationId, provider, notification) = items[i];
            if (!recorded.Add((provider, Truncate(notification.EventId, 200))))
            {
                results[i] = SettlementResult.AlreadyHandled;
                continue;
            }
            var donation = await FindAsync(organizationId, provider, notification, ct);
            db.PaymentEvents.Add(Recorded(organizationId, provider, notification, donation));
            await db.SaveChangesAsync(ct);
            results[i] = await MoveAsync(organizationId, provider, notification, donation, ct);
            // Each settlement is written: tracking it further would only slow the next ones down.
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return results;
    }

    private PaymentEvent Recorded(Guid organizationId, string provider, PaymentNotification notification, Donation? donation) => new()
    {
        OrganizationId = organizationId,
        Provider = provider,
        EventId = Truncate(notification.EventId, 200),
        Type = Truncate(notification.Type, 100),
        DonationId = donation?.Id,
        ReceivedAt = clock.GetUtcNow(),
    };

    private async Task<SettlementResult> MoveAsync(
        Guid organizationId, string provider, PaymentNotification notification, Donation? donation, CancellationToken ct)
    {
        if (notification.Outcome is not { } outcome)
        {
            return SettlementResult.Ignored;
        }
        if (donation is null)
        {
            logger.LogWarning("{Provider} event {EventId} ({Type}) names no donation of organization {OrganizationId}.",
                provider, notification.EventId, notification.Type, organizationId);
            return SettlementResult.UnknownPayment;
        }
        if (!notification.Matches(donation))
        {
            logger.LogWarning("{Provider} event {EventId} reports {Amount} {Currency} for donation {DonationId} of {Expected}: not counted.",
                provider, notification.EventId, notification.AmountMinor, notification.Currency, donation.Id, donation.Amount);
            return SettlementResult.AmountMismatch;
        }
        var move = await ledger.MoveAsync(db, donation, outcome, clock.GetUtcNow(), ct);
        return move is null ? SettlementResult.Ignored : SettlementResult.Moved;
    }

    private async Task<Donation?> FindAsync(Guid organizationId, string provider, PaymentNotification notification, CancellationToken ct)
    {
        var donations = db.Donations.Where(d => d.OrganizationId == organizationId && d.Provider == provider);
        if (notification.DonationId is { } id && await donations.SingleOrDefaultAsync(d => d.Id == id, ct) is { } byId)
        {
            return byId;
        }
        return notification.ProviderReference is { } reference
            ? await donations.SingleOrDefaultAsync(d => d.ProviderReference == reference, ct)
            : null;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
