using Microsoft.EntityFrameworkCore;
using Relais.Data;
using Relais.Giving;
using Relais.Payments;

namespace Relais.Web.Payments;

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
        db.PaymentEvents.Add(new PaymentEvent
        {
            OrganizationId = organizationId,
            Provider = provider,
            EventId = Truncate(notification.EventId, 200),
            Type = Truncate(notification.Type, 100),
            DonationId = donation?.Id,
            ReceivedAt = clock.GetUtcNow(),
        });
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
        var result = SettlementResult.Ignored;
        if (notification.Outcome is { } outcome)
        {
            if (donation is null)
            {
                logger.LogWarning("{Provider} event {EventId} ({Type}) names no donation of organization {OrganizationId}.",
                    provider, notification.EventId, notification.Type, organizationId);
                result = SettlementResult.UnknownPayment;
            }
            else if (!notification.Matches(donation))
            {
                logger.LogWarning("{Provider} event {EventId} reports {Amount} {Currency} for donation {DonationId} of {Expected}: not counted.",
                    provider, notification.EventId, notification.AmountMinor, notification.Currency, donation.Id, donation.Amount);
                result = SettlementResult.AmountMismatch;
            }
            else
            {
                var move = await ledger.MoveAsync(db, donation, outcome, clock.GetUtcNow(), ct);
                result = move is null ? SettlementResult.Ignored : SettlementResult.Moved;
            }
        }
        await transaction.CommitAsync(ct);
        return result;
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
