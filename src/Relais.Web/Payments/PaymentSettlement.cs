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
    /// batch. Events already recorded, or twice in the batch, are "already handled". The successes
    /// of pending donations named once in the batch move together through the ledger; anything
    /// else (a failure, a refund, a donation named twice) moves alone, in the order received. A
    /// failure rolls everything back and the caller settles them one by one.
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
        var fresh = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (recorded.Add((items[i].Provider, Truncate(items[i].Notification.EventId, 200))))
            {
                fresh.Add(i);
            }
            else
            {
                results[i] = SettlementResult.AlreadyHandled;
            }
        }
        var donations = await FindManyAsync(items, fresh, ct);
        await db.InsertAsync(fresh.Select(i => Recorded(items[i].OrganizationId, items[i].Provider, items[i].Notification, donations[i])).ToList(), ct);
        var timesNamed = fresh.Select(i => donations[i]?.Id).OfType<Guid>().CountBy(id => id).ToDictionary();
        var together = fresh.Where(i => items[i].Notification.Outcome == DonationStatus.Succeeded
            && donations[i] is { Status: DonationStatus.Pending } donation
            && items[i].Notification.Matches(donation)
            && timesNamed[donation.Id] == 1).ToList();
        if (together.Count > 0)
        {
            await ledger.MoveManyAsync(db, together.Select(i => donations[i]!).ToList(), DonationStatus.Succeeded, clock.GetUtcNow(), ct);
            foreach (var i in together)
            {
                results[i] = SettlementResult.Moved;
            }
        }
        foreach (var i in fresh.Except(together))
        {
            var (organizationId, provider, notification) = items[i];
            results[i] = await MoveAsync(organizationId, provider, notification, donations[i], ct);
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
        var donations = db.Donations.AsNoTracking().Where(d => d.OrganizationId == organizationId && d.Provider == provider);
        if (notification.DonationId is { } id && await donations.SingleOrDefaultAsync(d => d.Id == id, ct) is { } byId)
        {
            return byId;
        }
        return notification.ProviderReference is { } reference
            ? await donations.SingleOrDefaultAsync(d => d.ProviderReference == reference, ct)
            : null;
    }

    /// <summary>
    /// The donation each of the items names, as <see cref="FindAsync"/> finds it, with one query
    /// for the ids and one per provider for the references; items naming the same donation share
    /// one instance, so that moving it for one is seen by the next.
    /// </summary>
    private async Task<Donation?[]> FindManyAsync(IReadOnlyList<SettlementItem> items, List<int> indexes, CancellationToken ct)
    {
        var found = new Donation?[items.Count];
        var ids = indexes.Select(i => items[i].Notification.DonationId).OfType<Guid>().Distinct().ToList();
        var byId = ids.Count == 0 ? [] : await db.Donations.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var i in indexes)
        {
            if (items[i].Notification.DonationId is { } id && byId.TryGetValue(id, out var donation) && Owns(items[i], donation))
            {
                found[i] = donation;
            }
        }
        foreach (var provider in indexes.Where(i => found[i] is null && items[i].Notification.ProviderReference is not null).GroupBy(i => items[i].Provider))
        {
            var references = provider.Select(i => items[i].Notification.ProviderReference!).Distinct().ToList();
            var byReference = await db.Donations.AsNoTracking()
                .Where(d => d.Provider == provider.Key && references.Contains(d.ProviderReference!))
                .ToListAsync(ct);
            foreach (var i in provider)
            {
                found[i] = byReference.SingleOrDefault(d => d.ProviderReference == items[i].Notification.ProviderReference && Owns(items[i], d));
            }
        }
        // One instance per donation, whichever way it was found.
        var instances = new Dictionary<Guid, Donation>();
        for (var i = 0; i < found.Length; i++)
        {
            if (found[i] is { } donation)
            {
                found[i] = instances.TryAdd(donation.Id, donation) ? donation : instances[donation.Id];
            }
        }
        return found;
    }

    private static bool Owns(SettlementItem item, Donation donation) =>
        donation.OrganizationId == item.OrganizationId && donation.Provider == item.Provider;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
